package ai.kaizen.data.rpc;

import org.jspecify.annotations.Nullable;

/** A JSON-RPC error object; message and data are truncated node text. */
public record RpcError(long code, String message, @Nullable String data) {

    /** The method does not exist on this node (JSON-RPC -32601, or a node's own wording of it). */
    public boolean methodNotFound() {
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        return code == -32601 || lower.contains("method not found") || lower.contains("not supported")
                || lower.contains("does not exist") || lower.contains("not available");
    }
}
