package ai.kaizen.data.bytecode;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * One decoded instruction. {@code immediate} holds the PUSH data actually present; a PUSH cut short by the end of
 * the code is {@code truncated} and, as the EVM does, its missing bytes read as zeros in {@link #pushValue()}.
 */
public record Instruction(int offset, int opcode, byte[] immediate, boolean truncated) {

    public String name() {
        return Opcodes.name(opcode);
    }

    public boolean isPush() {
        return Opcodes.isPush(opcode);
    }

    /** The pushed value as unsigned big-endian bytes, zero-padded on the right when truncated. */
    public byte[] pushBytes() {
        int size = Opcodes.immediateSize(opcode);
        if (immediate.length == size) {
            return immediate.clone();
        }
        byte[] padded = new byte[size];
        System.arraycopy(immediate, 0, padded, 0, immediate.length);
        return padded;
    }

    public BigInteger pushValue() {
        return new BigInteger(1, pushBytes());
    }

    public String immediateHex() {
        return HexFormat.of().formatHex(immediate);
    }

    @Override
    public String toString() {
        return immediate.length == 0 && !truncated ? offset + ":" + name()
                : offset + ":" + name() + " 0x" + immediateHex() + (truncated ? " (truncated)" : "");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Instruction that && offset == that.offset && opcode == that.opcode
                && truncated == that.truncated && java.util.Arrays.equals(immediate, that.immediate);
    }

    @Override
    public int hashCode() {
        return 31 * offset + opcode;
    }
}
