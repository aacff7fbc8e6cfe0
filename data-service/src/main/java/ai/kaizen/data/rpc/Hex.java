package ai.kaizen.data.rpc;

import java.math.BigInteger;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

/** Strict hex helpers for values that come from nodes (untrusted). */
public final class Hex {

    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {
    }

    public static String requireHex(JsonNode node, String what) throws RpcException {
        if (!node.isString()) {
            throw new RpcException(RpcException.Kind.MALFORMED, what + " is not a hex string");
        }
        String text = node.stringValue();
        if (!isHex(text)) {
            throw new RpcException(RpcException.Kind.MALFORMED, what + " is not 0x-prefixed hex");
        }
        return text;
    }

    public static boolean isHex(String text) {
        if (text.length() < 2 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
            return false;
        }
        for (int i = 2; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Decodes {@code 0x}-prefixed hex data of even length. */
    public static byte[] bytes(String hex) throws RpcException {
        if (!isHex(hex) || hex.length() % 2 != 0) {
            throw new RpcException(RpcException.Kind.MALFORMED, "data is not even-length 0x hex");
        }
        return FORMAT.parseHex(hex, 2, hex.length());
    }

    /** Decodes a {@code 0x} quantity (no leading-zero rule enforced: some nodes pad). */
    public static BigInteger quantity(String hex) throws RpcException {
        if (!isHex(hex) || hex.length() == 2 || hex.length() > 66) {
            throw new RpcException(RpcException.Kind.MALFORMED, "quantity is not 0x hex of at most 32 bytes");
        }
        return new BigInteger(hex.substring(2), 16);
    }

    public static String of(byte[] bytes) {
        return "0x" + FORMAT.formatHex(bytes);
    }

    public static String quantity(long value) {
        return "0x" + Long.toHexString(value);
    }
}
