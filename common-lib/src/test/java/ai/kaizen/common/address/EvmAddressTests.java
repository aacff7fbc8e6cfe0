package ai.kaizen.common.address;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvmAddressTests {

    /** The test vectors published in EIP-55 (all caps, all lower, mixed). */
    @ParameterizedTest
    @ValueSource(strings = {
            "0x52908400098527886E0F7030069857D2E4169EE7",
            "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77",
            "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
            "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void eip55VectorsParseAndRoundTripToTheirChecksum(String vector) {
        EvmAddress address = EvmAddress.parse(vector);
        assertThat(address.toChecksum()).isEqualTo(vector);
        assertThat(address.toString()).isEqualTo(vector);
        assertThat(EvmAddress.parse(vector.toLowerCase())).isEqualTo(address);
    }

    @Test
    void allLowerAndAllUpperAreAcceptedWithoutAChecksum() {
        EvmAddress lower = EvmAddress.parse("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
        EvmAddress upper = EvmAddress.parse("0xC02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2");
        assertThat(lower).isEqualTo(upper);
        assertThat(lower.toChecksum()).isEqualTo("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2");
        assertThat(lower.toLowerHex()).isEqualTo("0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2");
    }

    @Test
    void mixedCaseThatDoesNotMatchTheChecksumIsRejectedAndSaysSo() {
        // The USDC address with one letter's case flipped.
        assertThatThrownBy(() -> EvmAddress.parse("0xa0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48"))
                .isInstanceOfSatisfying(InvalidAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAddressException.Reason.CHECKSUM_MISMATCH))
                .hasMessageContaining("EIP-55 checksum");
        assertThat(EvmAddress.parse("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48").toChecksum())
                .isEqualTo("0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "0x",
            "C02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
            "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc",
            "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2a",
            "0xG02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
            " 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc",
            "1xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> EvmAddress.parse(text))
                .isInstanceOfSatisfying(InvalidAddressException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidAddressException.Reason.MALFORMED));
        assertThat(EvmAddress.tryParse(text)).isNull();
    }

    @Test
    void keccakIsEthereumsKeccakNotNistSha3() {
        // keccak256("") as used by Ethereum (the empty code hash).
        assertThat(HexFormat.of().formatHex(EvmAddress.keccak256(new byte[0])))
                .isEqualTo("c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void wordsAndBurnAddresses() {
        byte[] word = HexFormat.of().parseHex(
                "000000000000000000000000000000000000000000000000000000000000dead");
        assertThat(EvmAddress.fromWord(word)).isEqualTo(EvmAddress.DEAD);
        assertThat(EvmAddress.DEAD.toChecksum()).isEqualTo("0x000000000000000000000000000000000000dEaD");
        assertThat(EvmAddress.DEAD.isBurn()).isTrue();
        assertThat(EvmAddress.ZERO.isBurn()).isTrue();
        assertThat(EvmAddress.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F").isBurn()).isFalse();
        assertThatThrownBy(() -> EvmAddress.of(new byte[19])).isInstanceOf(InvalidAddressException.class);
    }
}
