package ai.kaizen.data.bytecode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;

/** Turns runtime code into a {@link BytecodeReport}. Pure and deterministic. */
public final class BytecodeAnalyzer {

    /** Opcodes reported with their reachable counts, in this order. */
    static final int[] OF_INTEREST = {
            Opcodes.SELFDESTRUCT, Opcodes.DELEGATECALL, Opcodes.CALLCODE, Opcodes.CALL, Opcodes.STATICCALL,
            Opcodes.CREATE, Opcodes.CREATE2, Opcodes.SSTORE, Opcodes.SLOAD, Opcodes.TSTORE, 0x32 /* ORIGIN */,
            0x42 /* TIMESTAMP */, 0x43 /* NUMBER */, 0x3b /* EXTCODESIZE */};

    static final int MAX_SELECTORS = 512;
    static final int MAX_ADDRESSES = 64;
    private static final BigInteger SMALL_CONSTANT = BigInteger.ONE.shiftLeft(16);
    private static final BigInteger ALL_ONES = BigInteger.ONE.shiftLeft(160).subtract(BigInteger.ONE);

    private BytecodeAnalyzer() {
    }

    public static BytecodeReport analyze(byte[] code) {
        MetadataTail tail = MetadataTail.split(code);
        List<Instruction> instructions = Disassembler.disassemble(tail.executable());

        Map<String, Integer> opcodes = new LinkedHashMap<>();
        for (int opcode : OF_INTEREST) {
            opcodes.put(Opcodes.name(opcode), 0);
        }
        Set<String> seenAddresses = new LinkedHashSet<>();
        List<BytecodeReport.HardcodedAddress> addresses = new ArrayList<>();
        boolean reachable = true;
        boolean truncated = false;
        for (Instruction instruction : instructions) {
            int opcode = instruction.opcode();
            if (opcode == Opcodes.JUMPDEST) {
                reachable = true;
            }
            truncated |= instruction.truncated();
            if (reachable && opcodes.containsKey(Opcodes.name(opcode))) {
                opcodes.merge(Opcodes.name(opcode), 1, Integer::sum);
            }
            if (opcode == Opcodes.PUSH20 && !instruction.truncated() && addresses.size() < MAX_ADDRESSES) {
                BigInteger value = instruction.pushValue();
                if (value.compareTo(SMALL_CONSTANT) >= 0 && !value.equals(ALL_ONES)) {
                    String address = EvmAddress.of(instruction.pushBytes()).toChecksum();
                    if (seenAddresses.add(address)) {
                        addresses.add(new BytecodeReport.HardcodedAddress(address, instruction.offset(), null));
                    }
                }
            }
            if (terminates(opcode)) {
                reachable = false;
            }
        }

        SelectorExtractor.Result extracted = SelectorExtractor.extract(instructions);
        List<BytecodeReport.Selector> selectors = new ArrayList<>();
        for (String selector : extracted.selectors()) {
            if (selectors.size() == MAX_SELECTORS) {
                break;
            }
            String label = SelectorLabels.label(selector);
            selectors.add(new BytecodeReport.Selector(selector, label, label == null ? null : "well-known-signature"));
        }

        BytecodeReport.Compiler compiler = tail.present()
                ? new BytecodeReport.Compiler(tail.compiler(), tail.compilerVersion(), tail.sourceHashKind()) : null;
        return new BytecodeReport(code.length, hash(code), hash(tail.executable()), compiler, selectors,
                extracted.method().name(), opcodes, addresses,
                MinimalProxy.implementation(code).map(EvmAddress::toChecksum).orElse(null),
                MinimalProxy.delegationDesignator(code).map(EvmAddress::toChecksum).orElse(null), truncated);
    }

    private static boolean terminates(int opcode) {
        return opcode == Opcodes.STOP || opcode == 0xf3 /* RETURN */ || opcode == Opcodes.REVERT
                || opcode == Opcodes.INVALID || opcode == Opcodes.SELFDESTRUCT || opcode == Opcodes.JUMP
                || Opcodes.name(opcode).startsWith("UNKNOWN_");
    }

    static String hash(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(EvmAddress.keccak256(bytes));
    }
}
