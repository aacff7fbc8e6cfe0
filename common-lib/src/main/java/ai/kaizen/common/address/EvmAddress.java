package ai.kaizen.common.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.jcajce.provider.digest.Keccak;
import org.jspecify.annotations.Nullable;

/**
 * A 20-byte EVM account address. Parsing accepts all-lowercase and all-uppercase hex, and mixed case only
 * when it matches the EIP-55 checksum; the canonical text form ({@link #toString()}) is the EIP-55 checksum.
 */
public final class EvmAddress implements Comparable<EvmAddress> {

    private static final HexFormat HEX = HexFormat.of();

    public static final EvmAddress ZERO = new EvmAddress(new byte[20]);
    /** The conventional burn address 0x000000000000000000000000000000000000dEaD. */
    public static final EvmAddress DEAD = fromHex("000000000000000000000000000000000000dead");

    private final byte[] bytes;
    private final String lowerHex;

    private EvmAddress(byte[] bytes) {
        this.bytes = bytes;
        this.lowerHex = HEX.formatHex(bytes);
    }

    /** Parses {@code 0x}-prefixed hex, enforcing EIP-55 when the letters are of mixed case. */
    public static EvmAddress parse(String text) {
        if (text.length() != 42 || text.charAt(0) != '0' || (text.charAt(1) != 'x' && text.charAt(1) != 'X')) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "an EVM address is 0x followed by 40 hexadecimal digits");
        }
        String digits = text.substring(2);
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c >= 'a' && c <= 'f') {
                hasLower = true;
            } else if (c >= 'A' && c <= 'F') {
                hasUpper = true;
            } else if (c < '0' || c > '9') {
                throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                        "an EVM address is 0x followed by 40 hexadecimal digits; '" + printable(c) + "' is not one");
            }
        }
        EvmAddress address = fromHex(digits.toLowerCase(java.util.Locale.ROOT));
        if (hasLower && hasUpper && !address.toChecksum().substring(2).equals(digits)) {
            throw new InvalidAddressException(InvalidAddressException.Reason.CHECKSUM_MISMATCH,
                    "the address has mixed-case letters but does not match its EIP-55 checksum"
                            + " (a typo, or a changed character); use all lowercase to skip the check");
        }
        return address;
    }

    /** Like {@link #parse(String)} but answers null instead of throwing. */
    public static @Nullable EvmAddress tryParse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (InvalidAddressException e) {
            return null;
        }
    }

    /** Wraps exactly 20 bytes. */
    public static EvmAddress of(byte[] bytes) {
        if (bytes.length != 20) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "an EVM address is 20 bytes, not " + bytes.length);
        }
        return new EvmAddress(bytes.clone());
    }

    /** Takes the low 20 bytes of a 32-byte ABI word or storage slot (the upper 12 bytes are ignored). */
    public static EvmAddress fromWord(byte[] word) {
        if (word.length != 32) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "a word is 32 bytes, not " + word.length);
        }
        return new EvmAddress(Arrays.copyOfRange(word, 12, 32));
    }

    private static EvmAddress fromHex(String fortyLowerHexDigits) {
        return new EvmAddress(HEX.parseHex(fortyLowerHexDigits));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** {@code 0x} followed by 40 lowercase hex digits (the form used in JSON-RPC parameters and cache keys). */
    public String toLowerHex() {
        return "0x" + lowerHex;
    }

    /** The EIP-55 mixed-case checksum form. */
    public String toChecksum() {
        byte[] hash = keccak256(lowerHex.getBytes(StandardCharsets.US_ASCII));
        StringBuilder out = new StringBuilder(42).append("0x");
        for (int i = 0; i < 40; i++) {
            char c = lowerHex.charAt(i);
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0f;
            out.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    public boolean isZero() {
        return equals(ZERO);
    }

    /** Zero or 0x…dEaD: the addresses tokens are sent to so nobody holds them. */
    public boolean isBurn() {
        return equals(ZERO) || equals(DEAD);
    }

    /** Keccak-256 as used by Ethereum (the original Keccak padding, not NIST SHA3-256). */
    public static byte[] keccak256(byte[] input) {
        Keccak.Digest256 digest = new Keccak.Digest256();
        return digest.digest(input);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvmAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(EvmAddress other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public String toString() {
        return toChecksum();
    }

    private static String printable(char c) {
        return c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
