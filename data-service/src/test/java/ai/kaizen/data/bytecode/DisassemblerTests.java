package ai.kaizen.data.bytecode;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisassemblerTests {

    private static List<Instruction> disassemble(String hex) {
        return Disassembler.disassemble(HexFormat.of().parseHex(hex));
    }

    @Test
    void pushDataIsSkippedNotDecoded() {
        // PUSH2 0x5bff (JUMPDEST and SELFDESTRUCT bytes as data), then STOP.
        List<Instruction> code = disassemble("615bff00");
        assertThat(code).extracting(Instruction::name).containsExactly("PUSH2", "STOP");
        assertThat(code.getFirst().immediateHex()).isEqualTo("5bff");
        assertThat(code.get(1).offset()).isEqualTo(3);
        assertThat(Disassembler.jumpDestinations(HexFormat.of().parseHex("615bff00"))).containsOnly(false);
    }

    @Test
    void push32ConsumesThirtyTwoBytes() {
        List<Instruction> code = disassemble("7f" + "ff".repeat(32) + "5b");
        assertThat(code).extracting(Instruction::name).containsExactly("PUSH32", "JUMPDEST");
        assertThat(code.getFirst().pushValue()).isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE));
        assertThat(code.get(1).offset()).isEqualTo(33);
    }

    @Test
    void aTruncatedPushAtTheEndKeepsWhatIsThereAndReadsTheRestAsZeros() {
        // PUSH4 with only two data bytes left.
        List<Instruction> code = disassemble("6001" + "63abcd");
        assertThat(code).hasSize(2);
        Instruction truncated = code.get(1);
        assertThat(truncated.name()).isEqualTo("PUSH4");
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated.immediateHex()).isEqualTo("abcd");
        assertThat(truncated.pushValue()).isEqualTo(BigInteger.valueOf(0xabcd0000L));
        assertThat(code.getFirst().truncated()).isFalse();
    }

    @Test
    void aPushWithNoDataAtAllIsTruncatedToo() {
        List<Instruction> code = disassemble("007f");
        assertThat(code.get(1).truncated()).isTrue();
        assertThat(code.get(1).immediate()).isEmpty();
    }

    @Test
    void push0HasNoImmediate() {
        List<Instruction> code = disassemble("5f5f5b");
        assertThat(code).extracting(Instruction::name).containsExactly("PUSH0", "PUSH0", "JUMPDEST");
        assertThat(code).extracting(Instruction::offset).containsExactly(0, 1, 2);
        assertThat(code.getFirst().immediate()).isEmpty();
        assertThat(code.getFirst().pushValue()).isZero();
    }

    @Test
    void unassignedBytesAreNamedAndTakeOneByte() {
        List<Instruction> code = disassemble("0cfe5c5d5e");
        assertThat(code).extracting(Instruction::name)
                .containsExactly("UNKNOWN_0x0c", "INVALID", "TLOAD", "TSTORE", "MCOPY");
    }

    @Test
    void onlyRealJumpdestsAreJumpDestinations() {
        // 5b at 0 is real; 5b inside PUSH1 data at 2 is not; 5b at 3 is real.
        boolean[] valid = Disassembler.jumpDestinations(HexFormat.of().parseHex("5b605b5b"));
        assertThat(valid).containsExactly(true, false, false, true);
    }
}
