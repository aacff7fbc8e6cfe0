package ai.kaizen.data.bytecode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Linear-sweep EVM disassembler: PUSH1..PUSH32 data is consumed as immediates, never decoded as opcodes. */
public final class Disassembler {

    private Disassembler() {
    }

    public static List<Instruction> disassemble(byte[] code) {
        List<Instruction> out = new ArrayList<>(code.length / 2 + 1);
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xff;
            int size = Opcodes.immediateSize(opcode);
            int available = Math.min(size, code.length - pc - 1);
            byte[] immediate = size == 0 ? new byte[0] : Arrays.copyOfRange(code, pc + 1, pc + 1 + available);
            out.add(new Instruction(pc, opcode, immediate, available < size));
            pc += 1 + size;
        }
        return out;
    }

    /** Offsets that are real JUMPDEST instructions (a 0x5b inside PUSH data is not a valid jump target). */
    public static boolean[] jumpDestinations(byte[] code) {
        boolean[] valid = new boolean[code.length];
        for (Instruction instruction : disassemble(code)) {
            if (instruction.opcode() == Opcodes.JUMPDEST) {
                valid[instruction.offset()] = true;
            }
        }
        return valid;
    }
}
