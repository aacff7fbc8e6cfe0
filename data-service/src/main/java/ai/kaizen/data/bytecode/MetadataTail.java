package ai.kaizen.data.bytecode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The CBOR metadata compilers append to runtime code (Solidity: a map with ipfs/bzzr and solc; Vyper: an array),
 * followed by its two-byte big-endian length. Stripping it leaves the executable part, so two builds of the same
 * source with different metadata hashes compare equal.
 */
public record MetadataTail(byte[] executable, byte @Nullable [] cbor, @Nullable String compiler,
                           @Nullable String compilerVersion, @Nullable String sourceHashKind) {

    /** Splits code into executable part and metadata; code without a well-formed tail is returned whole. */
    public static MetadataTail split(byte[] code) {
        if (code.length < 3) {
            return new MetadataTail(code, null, null, null, null);
        }
        int length = ((code[code.length - 2] & 0xff) << 8) | (code[code.length - 1] & 0xff);
        int start = code.length - 2 - length;
        if (length == 0 || start < 0) {
            return new MetadataTail(code, null, null, null, null);
        }
        byte[] cbor = Arrays.copyOfRange(code, start, code.length - 2);
        Cbor reader = new Cbor(cbor);
        Object item;
        try {
            item = reader.read(0);
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return new MetadataTail(code, null, null, null, null);
        }
        if (reader.position != cbor.length || !(item instanceof Map<?, ?> || item instanceof List<?>)) {
            return new MetadataTail(code, null, null, null, null);
        }
        Map<?, ?> map = item instanceof Map<?, ?> m ? m : findMap((List<?>) item);
        if (map == null || !looksLikeCompilerMetadata(map)) {
            return new MetadataTail(code, null, null, null, null);
        }
        String compiler = null;
        String version = null;
        if (map.get("solc") != null) {
            compiler = "solc";
            version = version(map.get("solc"));
        } else if (map.get("vyper") != null) {
            compiler = "vyper";
            version = version(map.get("vyper"));
        }
        String hashKind = map.containsKey("ipfs") ? "ipfs" : map.containsKey("bzzr1") ? "bzzr1"
                : map.containsKey("bzzr0") ? "bzzr0" : null;
        return new MetadataTail(Arrays.copyOf(code, start), cbor, compiler, version, hashKind);
    }

    public boolean present() {
        return cbor != null;
    }

    private static @Nullable Map<?, ?> findMap(List<?> items) {
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                return map;
            }
        }
        return null;
    }

    private static boolean looksLikeCompilerMetadata(Map<?, ?> map) {
        return map.containsKey("solc") || map.containsKey("vyper") || map.containsKey("ipfs")
                || map.containsKey("bzzr0") || map.containsKey("bzzr1");
    }

    private static @Nullable String version(@Nullable Object value) {
        if (value instanceof byte[] bytes && bytes.length == 3) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff);
        }
        if (value instanceof String text) {
            return text.length() > 64 ? text.substring(0, 64) : text;
        }
        if (value instanceof List<?> parts && !parts.isEmpty() && parts.size() <= 4) {
            StringBuilder out = new StringBuilder();
            for (Object part : parts) {
                if (!(part instanceof Long number)) {
                    return null;
                }
                out.append(out.isEmpty() ? "" : ".").append(number);
            }
            return out.toString();
        }
        return null;
    }

    /** A strict reader for the small CBOR subset compilers emit; anything else is rejected. */
    private static final class Cbor {
        private final byte[] data;
        private int position;

        Cbor(byte[] data) {
            this.data = data;
        }

        Object read(int depth) {
            if (depth > 4) {
                throw new IllegalArgumentException("too deep");
            }
            int initial = data[position++] & 0xff;
            int major = initial >> 5;
            int info = initial & 0x1f;
            if (major == 7) {
                return switch (info) {
                    case 20 -> Boolean.FALSE;
                    case 21 -> Boolean.TRUE;
                    case 22 -> "null";
                    default -> throw new IllegalArgumentException("unsupported simple value");
                };
            }
            long argument = argument(info);
            if (major >= 2 && argument > data.length - position) {
                throw new IllegalArgumentException("length beyond data");
            }
            return switch (major) {
                case 0 -> argument;
                case 2 -> bytes(argument);
                case 3 -> new String(bytes(argument), StandardCharsets.UTF_8);
                case 4 -> {
                    List<Object> items = new ArrayList<>();
                    for (long i = 0; i < argument; i++) {
                        items.add(read(depth + 1));
                    }
                    yield items;
                }
                case 5 -> {
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (long i = 0; i < argument; i++) {
                        Object key = read(depth + 1);
                        map.put(key instanceof byte[] ? "bytes" : key, read(depth + 1));
                    }
                    yield map;
                }
                default -> throw new IllegalArgumentException("unsupported major type " + major);
            };
        }

        private long argument(int info) {
            if (info < 24) {
                return info;
            }
            int size = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                default -> throw new IllegalArgumentException("unsupported length");
            };
            long value = 0;
            for (int i = 0; i < size; i++) {
                value = (value << 8) | (data[position++] & 0xff);
            }
            return value;
        }

        private byte[] bytes(long length) {
            if (position + length > data.length) {
                throw new IllegalArgumentException("length beyond data");
            }
            byte[] out = Arrays.copyOfRange(data, position, position + (int) length);
            position += (int) length;
            return out;
        }
    }
}
