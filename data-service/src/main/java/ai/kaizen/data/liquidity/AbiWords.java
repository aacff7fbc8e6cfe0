package ai.kaizen.data.liquidity;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.SelectorLabels;
import org.jspecify.annotations.Nullable;

/**
 * The small ABI subset pool, LP, locker and holder reads need: calls whose arguments are all static words, and
 * strict decoding of return words. Return data comes from contracts nobody vetted: every read is bounds-checked and
 * anything out of shape decodes to null.
 */
public final class AbiWords {

    private static final BigInteger UINT256_MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private AbiWords() {
    }

    /** Calldata for {@code signature} with static arguments: addresses, and unsigned integers (long or BigInteger). */
    public static byte[] call(String signature, Object... arguments) {
        byte[] out = new byte[4 + 32 * arguments.length];
        byte[] selector = java.util.HexFormat.of().parseHex(SelectorLabels.selector(signature).substring(2));
        System.arraycopy(selector, 0, out, 0, 4);
        for (int i = 0; i < arguments.length; i++) {
            byte[] word = switch (arguments[i]) {
                case EvmAddress address -> address.toBytes();
                case Long value -> unsigned(BigInteger.valueOf(value));
                case Integer value -> unsigned(BigInteger.valueOf(value));
                case BigInteger value -> unsigned(value);
                default -> throw new IllegalArgumentException("unsupported argument " + arguments[i].getClass());
            };
            System.arraycopy(word, 0, out, 4 + 32 * i + 32 - word.length, word.length);
        }
        return out;
    }

    private static byte[] unsigned(BigInteger value) {
        if (value.signum() < 0 || value.compareTo(UINT256_MAX) > 0) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        byte[] bytes = value.toByteArray();
        return bytes.length > 32 ? Arrays.copyOfRange(bytes, bytes.length - 32, bytes.length) : bytes;
    }

    /** The {@code index}-th 32-byte word as an unsigned integer; null when the data is too short. */
    public static @Nullable BigInteger word(byte[] data, int index) {
        int at = 32 * index;
        if (index < 0 || at + 32 > data.length) {
            return null;
        }
        return new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
    }

    /** The {@code index}-th word as an unsigned integer that fits in {@code bits}; null otherwise. */
    public static @Nullable BigInteger uint(byte[] data, int index, int bits) {
        BigInteger value = word(data, index);
        return value == null || value.bitLength() > bits ? null : value;
    }

    /** The {@code index}-th word as an address; null when its upper 12 bytes are not zero. */
    public static @Nullable EvmAddress address(byte[] data, int index) {
        BigInteger value = word(data, index);
        return value == null || value.bitLength() > 160 ? null : EvmAddress.fromWord(Arrays.copyOfRange(data,
                32 * index, 32 * index + 32));
    }

    /** The {@code index}-th word as a bool; null unless it is exactly 0 or 1. */
    public static @Nullable Boolean bool(byte[] data, int index) {
        BigInteger value = word(data, index);
        return value == null || value.compareTo(BigInteger.ONE) > 0 ? null : value.signum() == 1;
    }

    /**
     * A returned {@code string} (or the {@code bytes32} some old tokens return), printable ASCII only and at most 32
     * characters; null otherwise.
     */
    public static @Nullable String text(byte[] data) {
        byte[] raw;
        if (data.length == 32) {
            int end = 0;
            while (end < 32 && data[end] != 0) {
                end++;
            }
            raw = Arrays.copyOf(data, end);
        } else {
            BigInteger offset = word(data, 0);
            if (offset == null || offset.compareTo(BigInteger.valueOf(data.length)) >= 0 || offset.intValue() % 32 != 0) {
                return null;
            }
            BigInteger length = word(data, offset.intValue() / 32);
            if (length == null || length.compareTo(BigInteger.valueOf(32)) > 0
                    || offset.intValue() + 32 + length.intValue() > data.length) {
                return null;
            }
            raw = Arrays.copyOfRange(data, offset.intValue() + 32, offset.intValue() + 32 + length.intValue());
        }
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                return null;
            }
        }
        return new String(raw, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A returned {@code uint256[]} of at most {@code max} entries; null when the data is not exactly that. */
    public static @Nullable List<BigInteger> uintArray(byte[] data, int max) {
        BigInteger offset = word(data, 0);
        if (offset == null || offset.compareTo(BigInteger.valueOf(data.length)) >= 0 || offset.intValue() % 32 != 0) {
            return null;
        }
        int base = offset.intValue() / 32;
        BigInteger length = word(data, base);
        if (length == null || length.compareTo(BigInteger.valueOf(max)) > 0) {
            return null;
        }
        int n = length.intValue();
        if (32L * (base + 1 + n) > data.length) {
            return null;
        }
        List<BigInteger> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(word(data, base + 1 + i));
        }
        return out;
    }
}
