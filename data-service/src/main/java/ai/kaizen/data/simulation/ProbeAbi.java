package ai.kaizen.data.simulation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Calls of the probe contract (encoded with web3j) and a strict decoder of its results: a {@code uint256[]} and,
 * for most entry points, a {@code bytes[]} of raw revert data. Every offset and length is bounds-checked; malformed
 * data decodes to null.
 */
public final class ProbeAbi {

    /** Result of a probe entry point: its words and the revert data of its steps (empty when none failed). */
    public record Result(List<BigInteger> out, List<byte[]> reasons) {

        public BigInteger get(int index) {
            return index < out.size() ? out.get(index) : BigInteger.ZERO;
        }

        public long longValue(int index) {
            BigInteger value = get(index);
            return value.bitLength() < 63 ? value.longValue() : Long.MAX_VALUE;
        }

        public boolean flag(int index) {
            return get(index).signum() != 0;
        }

        public @Nullable EvmAddress address(int index) {
            BigInteger value = get(index);
            if (value.signum() == 0 || value.bitLength() > 160) {
                return null;
            }
            return EvmAddress.fromWord(word(value));
        }

        public byte[] reason(int index) {
            return index < reasons.size() ? reasons.get(index) : new byte[0];
        }

        /** The words from {@code from} on, as the result of a nested entry point (check() embeds start()). */
        public Result slice(int from, int reasonsFrom) {
            return new Result(out.subList(Math.min(from, out.size()), out.size()),
                    reasons.subList(Math.min(reasonsFrom, reasons.size()), reasons.size()));
        }
    }

    private static final int MAX_ITEMS = 256;
    private static final int MAX_BYTES = 4096;

    private ProbeAbi() {
    }

    public static String start(EvmAddress token, Routes routes, List<BigInteger> cfg) {
        return encode("start", token, routes, cfg);
    }

    public static String limits(EvmAddress token, Routes routes, List<BigInteger> cfg) {
        return encode("limits", token, routes, cfg);
    }

    public static String check(EvmAddress token, Routes routes, List<BigInteger> cfg) {
        return encode("check", token, routes, cfg);
    }

    /** {@code staticProbe(target, calls)}: which calls succeed under STATICCALL. */
    public static String staticProbe(EvmAddress target, List<byte[]> calls) {
        List<Type> arguments = List.of(address(target), new DynamicArray<>(DynamicBytes.class,
                calls.stream().map(DynamicBytes::new).toList()));
        return FunctionEncoder.encode(new Function("staticProbe", arguments, List.of()));
    }

    /**
     * {@code ladder(caller, token, settings, checkCall)}: each setting (calldata for the token) sent by the caller,
     * then {@code checkCall} in the world the last accepted one left.
     */
    public static String ladder(EvmAddress caller, EvmAddress token, List<String> settings, String checkCall) {
        List<Type> arguments = List.of(address(caller), address(token), new DynamicArray<>(DynamicBytes.class,
                settings.stream().map(s -> new DynamicBytes(HexFormat.of().parseHex(s.substring(2)))).toList()),
                new DynamicBytes(HexFormat.of().parseHex(checkCall.substring(2))));
        return FunctionEncoder.encode(new Function("ladder", arguments, List.of()));
    }

    public static String sell(long ppm) {
        return FunctionEncoder.encode(new Function("sell", List.of(new Uint256(ppm)), List.of()));
    }

    /** The routers and factories of the chain's Uniswap V2 style DEXes, and the quote tokens to look for. */
    public record Routes(List<EvmAddress> routers, List<EvmAddress> factories, List<EvmAddress> quotes) {

        public Routes {
            if (routers.size() != factories.size()) {
                throw new IllegalArgumentException("one factory per router");
            }
            routers = List.copyOf(routers);
            factories = List.copyOf(factories);
            quotes = List.copyOf(quotes);
        }

        public boolean isEmpty() {
            return routers.isEmpty();
        }
    }

    private static String encode(String name, EvmAddress token, Routes routes, List<BigInteger> cfg) {
        List<Type> arguments = List.of(address(token), addresses(routes.routers()), addresses(routes.factories()),
                addresses(routes.quotes()), new DynamicArray<>(Uint256.class, cfg.stream().map(Uint256::new).toList()));
        return FunctionEncoder.encode(new Function(name, arguments, List.of()));
    }

    private static Address address(EvmAddress address) {
        return new Address(address.toLowerHex());
    }

    private static DynamicArray<Address> addresses(List<EvmAddress> list) {
        return new DynamicArray<>(Address.class, list.stream().map(ProbeAbi::address).toList());
    }

    /** Decodes {@code (uint256[], bytes[])}. */
    public static @Nullable Result decodeWithReasons(byte[] data) {
        BigInteger outOffset = wordAt(data, 0);
        BigInteger reasonsOffset = wordAt(data, 32);
        if (outOffset == null || reasonsOffset == null) {
            return null;
        }
        List<BigInteger> out = uintArray(data, outOffset);
        List<byte[]> reasons = bytesArray(data, reasonsOffset);
        return out == null || reasons == null ? null : new Result(out, reasons);
    }

    /** What ladder() answered: which settings were accepted, and check()'s result afterwards. */
    public record Ladder(List<Boolean> accepted, Result check) {
    }

    /** Decodes ladder()'s {@code (uint256[] accepted, bytes checked)}, {@code checked} being check()'s result. */
    public static @Nullable Ladder decodeLadder(byte[] data) {
        BigInteger acceptedOffset = wordAt(data, 0);
        BigInteger checkedOffset = wordAt(data, 32);
        if (acceptedOffset == null || checkedOffset == null) {
            return null;
        }
        List<BigInteger> flags = uintArray(data, acceptedOffset);
        byte[] checked = bytesAt(data, small(checkedOffset), Integer.MAX_VALUE);
        Result check = checked == null ? null : decodeWithReasons(checked);
        return flags == null || check == null ? null
                : new Ladder(flags.stream().map(f -> f.signum() != 0).toList(), check);
    }

    /** Decodes {@code (uint256[])}. */
    public static @Nullable Result decodeWords(byte[] data) {
        BigInteger offset = wordAt(data, 0);
        List<BigInteger> out = offset == null ? null : uintArray(data, offset);
        return out == null ? null : new Result(out, List.of());
    }

    private static @Nullable List<BigInteger> uintArray(byte[] data, BigInteger offset) {
        int at = small(offset);
        BigInteger length = at < 0 ? null : wordAt(data, at);
        int count = length == null ? -1 : small(length);
        if (count < 0 || count > MAX_ITEMS || (long) at + 32 + 32L * count > data.length) {
            return null;
        }
        List<BigInteger> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(wordAt(data, at + 32 + 32 * i));
        }
        return values;
    }

    private static @Nullable List<byte[]> bytesArray(byte[] data, BigInteger offset) {
        int at = small(offset);
        BigInteger length = at < 0 ? null : wordAt(data, at);
        int count = length == null ? -1 : small(length);
        if (count < 0 || count > MAX_ITEMS) {
            return null;
        }
        int head = at + 32;
        List<byte[]> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            BigInteger relative = wordAt(data, head + 32 * i);
            int itemAt = relative == null ? -1 : small(relative);
            if (itemAt < 0) {
                return null;
            }
            byte[] value = bytesAt(data, head + itemAt, MAX_BYTES);
            if (value == null) {
                return null;
            }
            values.add(value);
        }
        return values;
    }

    /** The {@code bytes} whose length word is at {@code at}, its first {@code limit} bytes; null when malformed. */
    private static byte @Nullable [] bytesAt(byte[] data, int at, int limit) {
        BigInteger size = at < 0 ? null : wordAt(data, at);
        int bytes = size == null ? -1 : small(size);
        if (bytes < 0 || (long) at + 32 + bytes > data.length) {
            return null;
        }
        return java.util.Arrays.copyOfRange(data, at + 32, at + 32 + Math.min(bytes, limit));
    }

    private static @Nullable BigInteger wordAt(byte[] data, long at) {
        if (at < 0 || at + 32 > data.length) {
            return null;
        }
        byte[] word = new byte[32];
        System.arraycopy(data, (int) at, word, 0, 32);
        return new BigInteger(1, word);
    }

    private static int small(BigInteger value) {
        return value.bitLength() > 30 ? -1 : value.intValue();
    }

    /** A value as one ABI word (its low 32 bytes). */
    public static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] word = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, word, 32 - copy, copy);
        return word;
    }

    static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
