package ai.kaizen.common.address;

import java.math.BigInteger;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/** A Solana public key: 32 bytes written in base58 (Bitcoin alphabet), which is also its canonical form. */
public final class SolanaAddress {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);
    private static final int[] INDEXES = new int[128];

    static {
        Arrays.fill(INDEXES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            INDEXES[ALPHABET.charAt(i)] = i;
        }
    }

    private final byte[] bytes;
    private final String base58;

    private SolanaAddress(byte[] bytes) {
        this.bytes = bytes;
        this.base58 = encode(bytes);
    }

    /** Parses base58 text that decodes to exactly 32 bytes. */
    public static SolanaAddress parse(String text) {
        if (text.length() < 32 || text.length() > 44) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "a Solana address is 32 to 44 base58 characters, not " + text.length());
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 128 || INDEXES[c] < 0) {
                throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                        "a Solana address is base58; '" + (c < 0x20 || c > 0x7e ? "\\u" + Integer.toHexString(c) : c)
                                + "' is not a base58 character (0, O, I and l never are)");
            }
        }
        byte[] decoded = decode(text);
        if (decoded.length != 32) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "a Solana address decodes to 32 bytes, this one to " + decoded.length);
        }
        return new SolanaAddress(decoded);
    }

    public static @Nullable SolanaAddress tryParse(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return parse(text);
        } catch (InvalidAddressException e) {
            return null;
        }
    }

    public static SolanaAddress of(byte[] bytes) {
        if (bytes.length != 32) {
            throw new InvalidAddressException(InvalidAddressException.Reason.MALFORMED,
                    "a Solana address is 32 bytes, not " + bytes.length);
        }
        return new SolanaAddress(bytes.clone());
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    static byte[] decode(String text) {
        int leadingZeros = 0;
        while (leadingZeros < text.length() && text.charAt(leadingZeros) == '1') {
            leadingZeros++;
        }
        BigInteger value = BigInteger.ZERO;
        for (int i = leadingZeros; i < text.length(); i++) {
            value = value.multiply(BASE).add(BigInteger.valueOf(INDEXES[text.charAt(i)]));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : stripSignByte(value.toByteArray());
        byte[] out = new byte[leadingZeros + magnitude.length];
        System.arraycopy(magnitude, 0, out, leadingZeros, magnitude.length);
        return out;
    }

    static String encode(byte[] bytes) {
        int leadingZeros = 0;
        while (leadingZeros < bytes.length && bytes[leadingZeros] == 0) {
            leadingZeros++;
        }
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            value = qr[0];
        }
        out.append("1".repeat(leadingZeros));
        return out.reverse().toString();
    }

    private static byte[] stripSignByte(byte[] twosComplement) {
        return twosComplement[0] == 0 ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SolanaAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return base58;
    }
}
