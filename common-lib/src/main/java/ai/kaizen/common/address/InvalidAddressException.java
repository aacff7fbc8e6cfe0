package ai.kaizen.common.address;

/** Thrown when text is not a valid address; the message says what is wrong and can be shown to users. */
public final class InvalidAddressException extends IllegalArgumentException {

    /** Why the text was rejected, so callers can map each case to their own answer. */
    public enum Reason {
        MALFORMED,
        CHECKSUM_MISMATCH
    }

    private final Reason reason;

    public InvalidAddressException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
