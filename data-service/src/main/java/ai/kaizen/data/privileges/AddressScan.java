package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.Disassembler;
import ai.kaizen.data.bytecode.Instruction;

/**
 * Addresses a contract keeps where owner checks read them: storage words (slots 0..N, an address possibly packed
 * with a small flag or number) and constants in the code (PUSH20, and PUSH32 immutables that hold an address).
 */
public final class AddressScan {

    /** Storage slots read for addresses. */
    public static final int SLOTS = 64;
    private static final BigInteger ADDRESS_FLOOR = BigInteger.ONE.shiftLeft(120);
    private static final BigInteger ADDRESS_CEILING = BigInteger.ONE.shiftLeft(160);
    /** What may share a slot above an address: flags and small numbers (anything larger looks like a hash). */
    private static final BigInteger PACKED_ABOVE = BigInteger.ONE.shiftLeft(16);
    private static final BigInteger ALL_ONES = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);
    private static final BigInteger ONE_BYTE = BigInteger.ONE.shiftLeft(8);
    private static final int MAX = 32;

    private AddressScan() {
    }

    /**
     * Address-like values in storage words by slot index (the first slot holding an address wins). A word whose
     * low 20 bytes look like an address with a flag or small number packed above them is ambiguous with an address
     * packed above a one-byte value: both readings are kept (a wrong one only costs a few probes).
     */
    public static Map<EvmAddress, Integer> storage(List<byte[]> words) {
        Map<EvmAddress, Integer> found = new LinkedHashMap<>();
        for (int slot = 0; slot < words.size() && found.size() < MAX; slot++) {
            byte[] word = words.get(slot);
            if (word.length != 32) {
                continue;
            }
            BigInteger value = new BigInteger(1, word);
            BigInteger low = value.mod(ADDRESS_CEILING);
            BigInteger above = value.shiftRight(160);
            if (low.compareTo(ADDRESS_FLOOR) < 0 || low.equals(ALL_ONES) || above.compareTo(PACKED_ABOVE) >= 0) {
                continue;
            }
            EvmAddress address = EvmAddress.fromWord(word(low));
            if (plausible(address)) {
                found.putIfAbsent(address, slot);
            }
            if (above.signum() != 0 && above.compareTo(ONE_BYTE) < 0) {
                BigInteger shifted = value.shiftRight(8);
                EvmAddress packed = EvmAddress.fromWord(word(shifted));
                if (shifted.compareTo(ADDRESS_FLOOR) >= 0 && shifted.compareTo(ADDRESS_CEILING) < 0
                        && plausible(packed)) {
                    found.putIfAbsent(packed, slot);
                }
            }
        }
        return found;
    }

    /** PUSH20 constants and PUSH32 constants that hold an address, in code order. */
    public static List<EvmAddress> code(byte[] code) {
        List<EvmAddress> found = new ArrayList<>();
        for (Instruction instruction : Disassembler.disassemble(code)) {
            int opcode = instruction.opcode();
            if ((opcode != 0x73 && opcode != 0x7f) || instruction.truncated()) {
                continue;
            }
            BigInteger value = instruction.pushValue();
            if (value.compareTo(ADDRESS_FLOOR) >= 0 && value.compareTo(ADDRESS_CEILING) < 0 && !value.equals(ALL_ONES)) {
                EvmAddress address = EvmAddress.fromWord(word(value));
                if (plausible(address) && !found.contains(address) && found.size() < MAX) {
                    found.add(address);
                }
            }
        }
        return found;
    }

    /**
     * Whether 20 bytes can be an account: not a run of printable ASCII (compilers push fragments of revert strings,
     * and 20 random bytes are all printable about once in 400 million).
     */
    public static boolean plausible(EvmAddress address) {
        for (byte b : address.toBytes()) {
            if (b < 0x20 || b > 0x7e) {
                return true;
            }
        }
        return false;
    }

    static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] word = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, word, 32 - copy, copy);
        return word;
    }
}
