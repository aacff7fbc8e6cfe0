package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AbiTests {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static String word(long value) {
        return String.format("%064x", value);
    }

    @Test
    void aggregate3IsEncodedWithItsCanonicalSelectorAndLayout() {
        EvmAddress target = EvmAddress.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");
        byte[] data = Abi.aggregate3(List.of(new ContractCall(target, hex("06fdde03"), "name()")));
        String encoded = HexFormat.of().formatHex(data);
        assertThat(encoded).startsWith("82ad56cb");
        assertThat(encoded.substring(8)).isEqualTo(
                word(0x20) + word(1) + word(0x20)
                        + "000000000000000000000000" + "6b175474e89094c44da98b954eedeac495271d0f"
                        + word(1) + word(0x60) + word(4) + "06fdde03" + "0".repeat(56));
    }

    @Test
    void aggregate3ResultsDecodeSuccessFlagsAndReturnData() {
        String data = word(0x20) + word(2)
                + word(0x40) + word(0xc0)
                + word(1) + word(0x40) + word(32) + word(18)                 // (true, abi.encode(18))
                + word(0) + word(0x40) + word(4) + "08c379a0" + "0".repeat(56); // (false, 0x08c379a0)
        List<Abi.Result> results = Abi.aggregate3Results(hex(data), 2);
        assertThat(results).hasSize(2);
        assertThat(results.get(0).success()).isTrue();
        assertThat(Abi.uint8(results.get(0).returnData())).isEqualTo(18);
        assertThat(results.get(1).success()).isFalse();
        assertThat(HexFormat.of().formatHex(results.get(1).returnData())).isEqualTo("08c379a0");
    }

    @Test
    void malformedAggregate3ResultsAreRejectedNotTrusted() {
        assertThat(Abi.aggregate3Results(new byte[0], 1)).isNull();
        // Wrong count.
        assertThat(Abi.aggregate3Results(hex(word(0x20) + word(3)), 1)).isNull();
        // An offset pointing far outside the data.
        assertThat(Abi.aggregate3Results(hex(word(0x20) + word(1) + word(0xffffff)), 1)).isNull();
        // A bytes length larger than the data.
        assertThat(Abi.aggregate3Results(hex(word(0x20) + word(1) + word(0x20) + word(1) + word(0x40)
                + word(0x7fffffff)), 1)).isNull();
        // A "bool" that is neither 0 nor 1.
        assertThat(Abi.aggregate3Results(hex(word(0x20) + word(1) + word(0x20) + word(2) + word(0x40) + word(0)), 1))
                .isNull();
    }

    @Test
    void stringsDecodeFromAbiStringsAndFromBytes32() {
        byte[] abiString = hex(word(0x20) + word(3) + "444149" + "0".repeat(58));
        assertThat(Abi.string(abiString)).isEqualTo("DAI");
        byte[] bytes32 = hex("4d4b5200000000000000000000000000000000000000000000000000000000");
        assertThat(Abi.string(hex("4d4b52" + "0".repeat(58)))).isEqualTo("MKR");
        assertThat(bytes32).hasSize(31);
    }

    @Test
    void hostileStringsAreCappedCleanedOrRefused() {
        // A length far beyond the data.
        assertThat(Abi.string(hex(word(0x20) + word(1_000_000)))).isNull();
        // Invalid UTF-8.
        assertThat(Abi.string(hex(word(0x20) + word(2) + "c328" + "0".repeat(60)))).isNull();
        // Control characters are removed.
        assertThat(Abi.string(hex(word(0x20) + word(4) + "410a0d42" + "0".repeat(56)))).isEqualTo("AB");
        // Longer than the cap (256 bytes) is refused.
        assertThat(Abi.string(hex(word(0x20) + word(300) + "41".repeat(300) + "0".repeat(8)))).isNull();
    }

    @Test
    void numbersAddressesAndArraysAreBoundsChecked() {
        assertThat(Abi.uint(hex(word(5)))).isEqualTo(BigInteger.valueOf(5));
        assertThat(Abi.uint(new byte[31])).isNull();
        assertThat(Abi.uint8(hex(word(256)))).isNull();
        assertThat(Abi.bool(hex(word(2)))).isNull();
        assertThat(Abi.address(hex("000000000000000000000000" + "dead".repeat(10)))).isNotNull();
        assertThat(Abi.address(hex("0000000000000000000000ff" + "dead".repeat(10)))).isNull();
        assertThat(Abi.addressArray(hex(word(0x20) + word(2) + word(1) + word(2))))
                .containsExactly(EvmAddress.of(hex("00".repeat(19) + "01")), EvmAddress.of(hex("00".repeat(19) + "02")));
        assertThat(Abi.addressArray(hex(word(0x20) + word(1000)))).isNull();
    }
}
