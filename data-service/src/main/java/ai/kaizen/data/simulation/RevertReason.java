package ai.kaizen.data.simulation;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Revert data in words: {@code Error(string)} gives its message, {@code Panic(uint256)} its code, a custom error its
 * selector (with the name of common OpenZeppelin errors). The raw data always stays available as evidence.
 */
public final class RevertReason {

    private static final String ERROR = "08c379a0";
    private static final String PANIC = "4e487b71";
    private static final int MAX_TEXT = 200;
    private static final Map<String, String> KNOWN = Map.of(
            "e450d38c", "ERC20InsufficientBalance(address,uint256,uint256)",
            "fb8f41b2", "ERC20InsufficientAllowance(address,uint256,uint256)",
            "96c6fd1e", "ERC20InvalidSender(address)",
            "ec442f05", "ERC20InvalidReceiver(address)",
            "d93c0665", "EnforcedPause()",
            "118cdaa7", "OwnableUnauthorizedAccount(address)");

    private RevertReason() {
    }

    /** A one-line description; "reverted without a reason" for empty data. */
    public static String describe(byte @Nullable [] data) {
        if (data == null || data.length == 0) {
            return "reverted without a reason";
        }
        if (data.length < 4) {
            return "reverted with " + hex(data);
        }
        String selector = HexFormat.of().formatHex(data, 0, 4);
        if (selector.equals(ERROR)) {
            String message = errorString(data);
            return message == null ? "reverted with a malformed Error(string)" : "reverted: " + message;
        }
        if (selector.equals(PANIC) && data.length >= 36) {
            BigInteger code = new BigInteger(1, java.util.Arrays.copyOfRange(data, 4, 36));
            return "panicked: code 0x" + code.toString(16);
        }
        String known = KNOWN.get(selector);
        return "reverted with custom error 0x" + selector + (known == null ? "" : " " + known);
    }

    public static String hex(byte[] data) {
        return "0x" + HexFormat.of().formatHex(data);
    }

    /** The message of an {@code Error(string)}, clipped and sanitised, or null. */
    static @Nullable String errorString(byte[] data) {
        if (data.length < 4 + 64) {
            return null;
        }
        BigInteger offset = new BigInteger(1, java.util.Arrays.copyOfRange(data, 4, 36));
        if (offset.bitLength() > 16) {
            return null;
        }
        int at = 4 + offset.intValue();
        if (at + 32 > data.length) {
            return null;
        }
        BigInteger length = new BigInteger(1, java.util.Arrays.copyOfRange(data, at, at + 32));
        if (length.bitLength() > 16) {
            return null;
        }
        int size = Math.min(length.intValue(), data.length - at - 32);
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(data, at + 32, Math.max(0, size))).toString();
            String clean = text.replaceAll("\\p{Cntrl}", " ").strip();
            return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) + "…" : clean;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
