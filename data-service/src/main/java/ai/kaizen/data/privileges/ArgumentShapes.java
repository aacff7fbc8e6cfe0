package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;

/**
 * Argument shapes for calling a selector whose signature is unknown. Solidity ignores calldata beyond what a
 * function reads, so each shape is a few words that serve many signatures at once:
 * <ul>
 * <li>{@code victim}: (victim, 1, victim, 1) — f(address), f(address,uint256) with a tiny amount or a 1-bps rate,
 * f(address,bool) set to true;</li>
 * <li>{@code number}: (10, 10, 10, 10) — f(), f(uint256), f(uint256,uint256): fees (10 % or 10 bps), limits,
 * amounts;</li>
 * <li>{@code flag}: (1, 10, 10, 10) — f(bool), f(bool,uint256);</li>
 * <li>{@code victim-list}: (0x40, 1, [victim]) — f(address[],bool).</li>
 * </ul>
 * A function without parameters runs under every shape; identical diffs are merged afterwards.
 */
public final class ArgumentShapes {

    /** One shape: a name and the argument words. */
    public record Shape(String name, List<byte[]> words) {

        public String calldata(String selector) {
            StringBuilder data = new StringBuilder(selector.startsWith("0x") ? selector : "0x" + selector);
            for (byte[] word : words) {
                data.append(HexFormat.of().formatHex(word));
            }
            return data.toString();
        }

        Shape withWords(List<byte[]> other) {
            return new Shape(name, List.copyOf(other));
        }

        /** The words as 0x hex, for evidence. */
        public String arguments() {
            StringBuilder text = new StringBuilder("(");
            for (int i = 0; i < words.size(); i++) {
                BigInteger value = new BigInteger(1, words.get(i));
                boolean address = value.bitLength() > 64 && value.bitLength() <= 160;
                text.append(i == 0 ? "" : ", ")
                        .append(address ? EvmAddress.fromWord(words.get(i)).toChecksum() : value);
            }
            return text.append(")").toString();
        }
    }

    public static final String VICTIM = "victim";
    public static final String NUMBER = "number";
    public static final String FLAG = "flag";
    public static final String VICTIM_LIST = "victim-list";

    private ArgumentShapes() {
    }

    public static List<Shape> all(EvmAddress victim) {
        byte[] v = word(victim);
        return List.of(
                new Shape(VICTIM, List.of(v, word(1), v, word(1))),
                new Shape(NUMBER, List.of(word(10), word(10), word(10), word(10))),
                new Shape(FLAG, List.of(word(1), word(10), word(10), word(10))),
                new Shape(VICTIM_LIST, List.of(word(0x40), word(1), word(1), v)));
    }

    /** Only the shapes that aim at the victim (second-stage probes after a victim was blacklisted). */
    public static List<Shape> victimOnly(EvmAddress victim) {
        return all(victim).stream().filter(s -> s.name().equals(VICTIM)).toList();
    }

    static byte[] word(long value) {
        byte[] word = new byte[32];
        for (int i = 0; i < 8; i++) {
            word[31 - i] = (byte) (value >>> (8 * i));
        }
        return word;
    }

    static byte[] word(BigInteger value) {
        return ai.kaizen.data.simulation.ProbeAbi.word(value);
    }

    static byte[] word(EvmAddress address) {
        byte[] word = new byte[32];
        System.arraycopy(address.toBytes(), 0, word, 12, 20);
        return word;
    }
}
