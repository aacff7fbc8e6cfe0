package ai.kaizen.data.bytecode;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Finds the function selectors a contract dispatches on. Only PUSH4 constants compared to the call's selector and
 * followed by a conditional jump count, and first only inside the dispatcher: the code reached from the selector
 * load ({@code CALLDATALOAD; PUSH1 0xe0; SHR}, or pre-0.5 {@code PUSH29 0x01..; DIV}) through the dispatcher's own
 * jumps. A PUSH4 used as a mask, an interface id or an error selector is not a selector. Code whose dispatcher is
 * not found this way falls back to the comparison pattern anywhere ({@link Method#PATTERN_SCAN}).
 */
public final class SelectorExtractor {

    /** How the selectors were found: in the dispatcher region, or by the comparison pattern over the whole code. */
    public enum Method {
        DISPATCHER,
        PATTERN_SCAN,
        NONE
    }

    public record Result(Set<String> selectors, Method method) {
    }

    private static final BigInteger SHIFT_224 = BigInteger.valueOf(0xe0);
    private static final BigInteger DIV_2_POW_224 = BigInteger.ONE.shiftLeft(224);

    private SelectorExtractor() {
    }

    public static Result extract(List<Instruction> code) {
        int start = selectorLoad(code);
        if (start >= 0) {
            Set<String> selectors = followDispatcher(code, start);
            if (!selectors.isEmpty()) {
                return new Result(selectors, Method.DISPATCHER);
            }
        }
        Set<String> selectors = new LinkedHashSet<>();
        for (int i = 0; i < code.size(); i++) {
            String selector = comparisonAt(code, i, false);
            if (selector != null) {
                selectors.add(selector);
            }
        }
        return new Result(selectors, selectors.isEmpty() ? Method.NONE : Method.PATTERN_SCAN);
    }

    /**
     * Walks the dispatcher's control flow from the selector load: straight-line code made of dispatcher
     * instructions, following the jumps of range splits ({@code GT}/{@code LT}) and of Vyper's {@code XOR} chains,
     * but never a selector match's jump (that is a function body) nor an unconditional jump (the fallback).
     */
    private static Set<String> followDispatcher(List<Instruction> code, int start) {
        Map<Integer, Integer> indexByOffset = new HashMap<>();
        for (int i = 0; i < code.size(); i++) {
            indexByOffset.put(code.get(i).offset(), i);
        }
        Set<String> selectors = new LinkedHashSet<>();
        Set<Integer> visited = new HashSet<>();
        Deque<Integer> work = new ArrayDeque<>();
        work.push(start);
        while (!work.isEmpty()) {
            int i = work.pop();
            while (i < code.size() && visited.add(i)) {
                Instruction instruction = code.get(i);
                int opcode = instruction.opcode();
                if (!dispatcherInstruction(opcode) || opcode == Opcodes.JUMP) {
                    break;
                }
                if (opcode == Opcodes.PUSH4) {
                    String selector = comparisonAt(code, i, true);
                    if (selector != null) {
                        selectors.add(selector);
                        int compare = Opcodes.isDup(code.get(i + 1).opcode()) ? i + 2 : i + 1;
                        if (code.get(compare).opcode() == Opcodes.XOR) {
                            Integer target = target(code.get(compare + 1), indexByOffset);
                            if (target != null) {
                                work.push(target);
                            }
                            break;
                        }
                        i = compare + 3;
                        continue;
                    }
                }
                if (opcode == Opcodes.JUMPI && i >= 2) {
                    int condition = code.get(i - 2).opcode();
                    if (condition == Opcodes.GT || condition == Opcodes.LT) {
                        Integer target = target(code.get(i - 1), indexByOffset);
                        if (target != null) {
                            work.push(target);
                        }
                    }
                }
                i++;
            }
        }
        return selectors;
    }

    private static @Nullable Integer target(Instruction push, Map<Integer, Integer> indexByOffset) {
        if (!push.isPush() || push.truncated() || push.immediate().length > 4) {
            return null;
        }
        return indexByOffset.get(push.pushValue().intValue());
    }

    /** Index just after the instruction sequence that isolates the 4-byte selector, or -1. */
    private static int selectorLoad(List<Instruction> code) {
        for (int i = 0; i < code.size(); i++) {
            if (code.get(i).opcode() != Opcodes.CALLDATALOAD) {
                continue;
            }
            for (int j = i + 1; j < Math.min(code.size(), i + 5); j++) {
                Instruction instruction = code.get(j);
                if (instruction.opcode() == Opcodes.SHR && j > 0 && pushes(code.get(j - 1), SHIFT_224)) {
                    return j + 1;
                }
                if (instruction.opcode() == Opcodes.DIV && hasPushBefore(code, j, DIV_2_POW_224, i)) {
                    return j + 1;
                }
            }
        }
        return -1;
    }

    private static boolean hasPushBefore(List<Instruction> code, int index, BigInteger value, int floor) {
        for (int k = index - 1; k > floor; k--) {
            if (pushes(code.get(k), value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean pushes(Instruction instruction, BigInteger value) {
        return instruction.isPush() && instruction.pushValue().equals(value);
    }

    private static boolean dispatcherInstruction(int opcode) {
        return Opcodes.isPush(opcode) || Opcodes.isDup(opcode) || Opcodes.isSwap(opcode)
                || opcode == Opcodes.EQ || opcode == Opcodes.GT || opcode == Opcodes.LT || opcode == Opcodes.XOR
                || opcode == Opcodes.ISZERO || opcode == Opcodes.AND || opcode == Opcodes.SUB
                || opcode == Opcodes.SHR || opcode == Opcodes.DIV || opcode == Opcodes.POP
                || opcode == Opcodes.JUMP || opcode == Opcodes.JUMPI || opcode == Opcodes.JUMPDEST;
    }

    /**
     * {@code PUSH4 s; EQ; PUSHn; JUMPI} or {@code PUSH4 s; DUPn; EQ; PUSHn; JUMPI} (Solidity), and in the dispatcher
     * region also {@code XOR} instead of {@code EQ} (Vyper jumps past a function when the selector differs).
     */
    private static @Nullable String comparisonAt(List<Instruction> code, int i, boolean allowXor) {
        Instruction push = code.get(i);
        if (push.opcode() != Opcodes.PUSH4 || push.truncated()) {
            return null;
        }
        int next = i + 1;
        if (next < code.size() && Opcodes.isDup(code.get(next).opcode())) {
            next++;
        }
        if (next + 2 >= code.size()) {
            return null;
        }
        int compare = code.get(next).opcode();
        boolean comparison = compare == Opcodes.EQ || (allowXor && compare == Opcodes.XOR);
        if (!comparison || !code.get(next + 1).isPush() || code.get(next + 2).opcode() != Opcodes.JUMPI) {
            return null;
        }
        return "0x" + push.immediateHex();
    }
}
