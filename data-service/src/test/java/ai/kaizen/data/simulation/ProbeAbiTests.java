package ai.kaizen.data.simulation;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeAbiTests {

    private static final EvmAddress TOKEN = EvmAddress.parse("0x2222222222222222222222222222222222222222");
    private static final EvmAddress ROUTER = EvmAddress.parse("0x3333333333333333333333333333333333333333");
    private static final EvmAddress FACTORY = EvmAddress.parse("0x4444444444444444444444444444444444444444");

    @Test
    void startIsEncodedLikeSolidityExpectsIt() {
        // Reference encoding produced by ethers' Interface.encodeFunctionData for the same arguments.
        String expected = "0xee1829b6"
                + "0000000000000000000000002222222222222222222222222222222222222222"
                + "00000000000000000000000000000000000000000000000000000000000000a0"
                + "00000000000000000000000000000000000000000000000000000000000000e0"
                + "0000000000000000000000000000000000000000000000000000000000000120"
                + "0000000000000000000000000000000000000000000000000000000000000140"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000003333333333333333333333333333333333333333"
                + "0000000000000000000000000000000000000000000000000000000000000001"
                + "0000000000000000000000004444444444444444444444444444444444444444"
                + "0000000000000000000000000000000000000000000000000000000000000000"
                + "0000000000000000000000000000000000000000000000000000000000000002"
                + "0000000000000000000000000000000000000000000000000000000000000007"
                + "0000000000000000000000000000000000000000000000000000000000000008";
        String encoded = ProbeAbi.start(TOKEN, new ProbeAbi.Routes(List.of(ROUTER), List.of(FACTORY), List.of()),
                List.of(BigInteger.valueOf(7), BigInteger.valueOf(8)));
        assertThat(encoded).isEqualTo(expected);
        assertThat(ProbeAbi.sell(1)).startsWith("0xe4849b32");
    }

    @Test
    void decodesWordsAndRevertData() {
        // abi.encode(uint256[] [1,2,3], bytes[] [0x08c379a0, 0x]) from ethers' AbiCoder.
        byte[] data = HexFormat.of().parseHex(
                "0000000000000000000000000000000000000000000000000000000000000040"
                        + "00000000000000000000000000000000000000000000000000000000000000c0"
                        + "0000000000000000000000000000000000000000000000000000000000000003"
                        + "0000000000000000000000000000000000000000000000000000000000000001"
                        + "0000000000000000000000000000000000000000000000000000000000000002"
                        + "0000000000000000000000000000000000000000000000000000000000000003"
                        + "0000000000000000000000000000000000000000000000000000000000000002"
                        + "0000000000000000000000000000000000000000000000000000000000000040"
                        + "0000000000000000000000000000000000000000000000000000000000000080"
                        + "0000000000000000000000000000000000000000000000000000000000000004"
                        + "08c379a000000000000000000000000000000000000000000000000000000000"
                        + "0000000000000000000000000000000000000000000000000000000000000000");
        ProbeAbi.Result result = ProbeAbi.decodeWithReasons(data);
        assertThat(result).isNotNull();
        assertThat(result.out()).containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
        assertThat(result.reasons()).hasSize(2);
        assertThat(result.reason(0)).containsExactly(0x08, 0xc3, 0x79, 0xa0);
        assertThat(result.reason(1)).isEmpty();
        assertThat(result.get(7)).isEqualTo(BigInteger.ZERO);
        assertThat(result.reason(9)).isEmpty();
        assertThat(result.slice(1, 1).out()).containsExactly(BigInteger.TWO, BigInteger.valueOf(3));
    }

    @Test
    void aLadderAnswerDecodesToItsFlagsAndTheCheckInside() {
        // abi.encode(uint256[] [1, 0, 1], bytes(abi.encode(uint256[] [7], bytes[] [])))
        String check = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(
                new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.generated.Uint256.class,
                        List.of(new org.web3j.abi.datatypes.generated.Uint256(7))),
                new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.DynamicBytes.class, List.of())));
        String answer = org.web3j.abi.FunctionEncoder.encodeConstructor(List.of(
                new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.generated.Uint256.class,
                        List.of(new org.web3j.abi.datatypes.generated.Uint256(1),
                                new org.web3j.abi.datatypes.generated.Uint256(0),
                                new org.web3j.abi.datatypes.generated.Uint256(1))),
                new org.web3j.abi.datatypes.DynamicBytes(HexFormat.of().parseHex(check))));
        byte[] data = HexFormat.of().parseHex(answer);
        ProbeAbi.Ladder ladder = ProbeAbi.decodeLadder(data);
        assertThat(ladder).isNotNull();
        assertThat(ladder.accepted()).containsExactly(true, false, true);
        assertThat(ladder.check().out()).containsExactly(BigInteger.valueOf(7));
        assertThat(ladder.check().reasons()).isEmpty();
        assertThat(ProbeAbi.decodeLadder(java.util.Arrays.copyOf(data, data.length - 32))).isNull();
        assertThat(ProbeAbi.decodeLadder(new byte[40])).isNull();
    }

    @Test
    void malformedResultsDecodeToNull() {
        assertThat(ProbeAbi.decodeWithReasons(new byte[31])).isNull();
        byte[] hugeLength = new byte[96];
        hugeLength[31] = 0x40;
        hugeLength[63] = 0x40;
        hugeLength[64] = 0x7f;
        assertThat(ProbeAbi.decodeWithReasons(hugeLength)).isNull();
        byte[] pastTheEnd = new byte[64];
        pastTheEnd[31] = (byte) 0xff;
        assertThat(ProbeAbi.decodeWords(pastTheEnd)).isNull();
    }

    @Test
    void resultWordsReadAsAddressesAndFlags() {
        ProbeAbi.Result result = new ProbeAbi.Result(List.of(BigInteger.ZERO, new BigInteger(1, TOKEN.toBytes()),
                BigInteger.ONE.shiftLeft(200)), List.of());
        assertThat(result.address(0)).isNull();
        assertThat(result.address(1)).isEqualTo(TOKEN);
        assertThat(result.address(2)).isNull();
        assertThat(result.flag(1)).isTrue();
        assertThat(result.longValue(2)).isEqualTo(Long.MAX_VALUE);
    }
}
