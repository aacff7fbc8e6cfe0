package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.DynamicStruct;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * ABI for the calls facts need. Encoding goes through web3j; decoding is our own and strict, because return data
 * comes from contracts nobody vetted: every offset and length is bounds-checked, strings are capped, and anything
 * malformed decodes to null instead of throwing or allocating.
 */
final class Abi {

    static final int MAX_STRING_BYTES = 256;
    static final int MAX_ARRAY = 64;
    private static final BigInteger UINT8_MAX = BigInteger.valueOf(255);
    private static final BigInteger WORD_LIMIT = BigInteger.valueOf(Integer.MAX_VALUE);

    private Abi() {
    }

    // ---- encoding (trusted side) ----

    static byte[] call(String name, Type<?>... arguments) {
        return bytes(FunctionEncoder.encode(new Function(name, List.of(arguments), List.of())));
    }

    static Address address(EvmAddress address) {
        return new Address(address.toLowerHex());
    }

    static Uint256 uint(long value) {
        return new Uint256(value);
    }

    static Bytes32 bytes32(byte[] value) {
        return new Bytes32(value);
    }

    /** Multicall3 {@code aggregate3((address,bool,bytes)[])}, every call allowed to fail. */
    static byte[] aggregate3(List<ContractCall> calls) {
        List<DynamicStruct> items = new ArrayList<>(calls.size());
        for (ContractCall call : calls) {
            items.add(new DynamicStruct(address(call.target()), new Bool(true), new DynamicBytes(call.data())));
        }
        return call("aggregate3", new DynamicArray<>(DynamicStruct.class, items));
    }

    // ---- decoding (untrusted side) ----

    /** One Multicall3 Result: success flag and return data. */
    record Result(boolean success, byte[] returnData) {
    }

    /** Decodes {@code Result[]} from aggregate3; null when the data is not exactly that shape for n calls. */
    static @Nullable List<Result> aggregate3Results(byte[] data, int expected) {
        Integer arrayAt = offset(data, 0, 0);
        if (arrayAt == null) {
            return null;
        }
        Integer length = smallInt(data, arrayAt);
        if (length == null || length != expected) {
            return null;
        }
        int base = arrayAt + 32;
        List<Result> results = new ArrayList<>(expected);
        for (int i = 0; i < expected; i++) {
            Integer tuple = offset(data, base + 32 * i, base);
            if (tuple == null) {
                return null;
            }
            BigInteger success = word(data, tuple);
            Integer bytesAt = offset(data, tuple + 32, tuple);
            if (success == null || success.compareTo(BigInteger.ONE) > 0 || bytesAt == null) {
                return null;
            }
            byte[] returnData = dynamicBytes(data, bytesAt, data.length);
            if (returnData == null) {
                return null;
            }
            results.add(new Result(success.signum() == 1, returnData));
        }
        return results;
    }

    static @Nullable BigInteger uint(byte[] data) {
        return data.length < 32 ? null : word(data, 0);
    }

    /** A uint8 (decimals); null when absent or out of range. */
    static @Nullable Integer uint8(byte[] data) {
        BigInteger value = uint(data);
        return value == null || value.compareTo(UINT8_MAX) > 0 ? null : value.intValue();
    }

    static @Nullable Boolean bool(byte[] data) {
        BigInteger value = uint(data);
        return value == null || value.compareTo(BigInteger.ONE) > 0 ? null : value.signum() == 1;
    }

    /** An address in the first word; null when the upper 12 bytes are not zero (it is not an address). */
    static @Nullable EvmAddress address(byte[] data) {
        if (data.length < 32) {
            return null;
        }
        for (int i = 0; i < 12; i++) {
            if (data[i] != 0) {
                return null;
            }
        }
        return EvmAddress.of(Arrays.copyOfRange(data, 12, 32));
    }

    /** A storage slot read as an address: 32 bytes with a clean upper part; zero when the slot is empty. */
    static @Nullable EvmAddress slotAddress(byte[] slot) {
        return slot.length == 32 ? address(slot) : null;
    }

    /** {@code string} return data, or the {@code bytes32} some old tokens (MKR) return; sanitised and capped. */
    static @Nullable String string(byte[] data) {
        if (data.length == 32) {
            int end = 0;
            while (end < 32 && data[end] != 0) {
                end++;
            }
            for (int i = end; i < 32; i++) {
                if (data[i] != 0) {
                    return null;
                }
            }
            return text(Arrays.copyOf(data, end));
        }
        Integer at = offset(data, 0, 0);
        if (at == null) {
            return null;
        }
        byte[] raw = dynamicBytes(data, at, MAX_STRING_BYTES);
        return raw == null ? null : text(raw);
    }

    /** {@code address[]} return data, at most MAX_ARRAY entries. */
    static @Nullable List<EvmAddress> addressArray(byte[] data) {
        Integer at = offset(data, 0, 0);
        if (at == null) {
            return null;
        }
        Integer length = smallInt(data, at);
        if (length == null || length > MAX_ARRAY || at + 32 + 32L * length > data.length) {
            return null;
        }
        List<EvmAddress> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            EvmAddress address = address(Arrays.copyOfRange(data, at + 32 + 32 * i, at + 64 + 32 * i));
            if (address == null) {
                return null;
            }
            out.add(address);
        }
        return out;
    }

    private static @Nullable BigInteger word(byte[] data, int at) {
        if (at < 0 || at + 32 > data.length) {
            return null;
        }
        return new BigInteger(1, Arrays.copyOfRange(data, at, at + 32));
    }

    private static @Nullable Integer smallInt(byte[] data, int at) {
        BigInteger value = word(data, at);
        return value == null || value.compareTo(WORD_LIMIT) > 0 ? null : value.intValue();
    }

    /** An offset stored at {@code at}, relative to {@code base}, that points inside the data. */
    private static @Nullable Integer offset(byte[] data, int at, int base) {
        Integer relative = smallInt(data, at);
        if (relative == null) {
            return null;
        }
        long absolute = (long) base + relative;
        return absolute + 32 > data.length ? null : (int) absolute;
    }

    private static byte @Nullable [] dynamicBytes(byte[] data, int at, int maxLength) {
        Integer length = smallInt(data, at);
        if (length == null || length > maxLength || at + 32L + length > data.length) {
            return null;
        }
        return Arrays.copyOfRange(data, at + 32, at + 32 + length);
    }

    private static @Nullable String text(byte[] raw) {
        try {
            String decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            String clean = decoded.replaceAll("\\p{Cntrl}", "").strip();
            return clean.length() > 128 ? clean.substring(0, 128) : clean;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static byte[] bytes(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(digits);
    }

    static String hex(byte[] bytes) {
        return "0x" + HexFormat.of().formatHex(bytes);
    }
}
