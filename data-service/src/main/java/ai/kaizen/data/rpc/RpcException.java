package ai.kaizen.data.rpc;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/** A JSON-RPC exchange that did not produce a usable reply; the message is safe to show in a coverage reason. */
public final class RpcException extends Exception {

    public enum Kind {
        /** No RPC URL is configured for the chain. */
        NOT_CONFIGURED(false),
        TIMEOUT(true),
        RATE_LIMITED(true),
        SERVER_ERROR(true),
        CONNECTION(true),
        /** A 4xx other than 429: retrying the same request will not help. */
        CLIENT_ERROR(false),
        OVERSIZED(false),
        MALFORMED(false),
        /** The node answered with a JSON-RPC error object. */
        RPC_ERROR(false);

        private final boolean transientFault;

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
        }

        public boolean transientFault() {
            return transientFault;
        }
    }

    private final Kind kind;
    private final @Nullable Duration retryAfter;
    private final @Nullable RpcError error;

    public RpcException(Kind kind, String message) {
        this(kind, message, null, null, null);
    }

    public RpcException(Kind kind, String message, @Nullable Throwable cause) {
        this(kind, message, null, null, cause);
    }

    RpcException(Kind kind, String message, @Nullable Duration retryAfter, @Nullable RpcError error,
                 @Nullable Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
        this.error = error;
    }

    public static RpcException rpcError(RpcError error) {
        return new RpcException(Kind.RPC_ERROR, "node answered error " + error.code() + ": " + error.message(),
                null, error, null);
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    public @Nullable RpcError error() {
        return error;
    }
}
