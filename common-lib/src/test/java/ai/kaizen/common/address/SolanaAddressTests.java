package ai.kaizen.common.address;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SolanaAddressTests {

    @ParameterizedTest
    @ValueSource(strings = {
            "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",   // SPL Token program
            "TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb",   // Token-2022 program
            "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",  // USDC mint
            "So11111111111111111111111111111111111111112",   // wrapped SOL mint
            "metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s"})  // Metaplex token metadata program
    void wellKnownKeysDecodeTo32BytesAndRoundTrip(String text) {
        SolanaAddress address = SolanaAddress.parse(text);
        assertThat(address.toBytes()).hasSize(32);
        assertThat(address.toString()).isEqualTo(text);
        assertThat(SolanaAddress.of(address.toBytes())).isEqualTo(address);
    }

    @Test
    void theSystemProgramIsAllZeroBytes() {
        SolanaAddress system = SolanaAddress.parse("11111111111111111111111111111111");
        assertThat(system.toBytes()).containsOnly(0);
        assertThat(SolanaAddress.of(new byte[32]).toString()).isEqualTo("11111111111111111111111111111111");
    }

    @Test
    void aKnownKeyDecodesToItsKnownBytes() {
        // The wrapped SOL mint is 0x069b8857feab8184fb687f634618c035dac439dc1aeb3b5598a0f00000000001.
        assertThat(java.util.HexFormat.of().formatHex(
                SolanaAddress.parse("So11111111111111111111111111111111111111112").toBytes()))
                .isEqualTo("069b8857feab8184fb687f634618c035dac439dc1aeb3b5598a0f00000000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "0PjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",   // '0' is not base58
            "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDtIv",  // 'I' is not base58
            "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDtlv",  // 'l' is not base58
            "1111111111111111111111111111111",               // 31 characters
            "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1vEPj", // too long
            "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz",  // decodes to 33 bytes
            "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2"})
    void invalidKeysAreRejected(String text) {
        assertThatThrownBy(() -> SolanaAddress.parse(text)).isInstanceOf(InvalidAddressException.class);
        assertThat(SolanaAddress.tryParse(text)).isNull();
    }
}
