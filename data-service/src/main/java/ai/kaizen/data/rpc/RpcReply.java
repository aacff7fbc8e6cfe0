package ai.kaizen.data.rpc;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The answer to one call of a batch: a result (possibly JSON null) or an error object, never both. */
public record RpcReply(@Nullable JsonNode result, @Nullable RpcError error) {

    public boolean ok() {
        return error == null;
    }

    /** The result, or the error as an exception. */
    public JsonNode resultOrThrow() throws RpcException {
        if (error != null) {
            throw RpcException.rpcError(error);
        }
        return result == null ? tools.jackson.databind.node.NullNode.getInstance() : result;
    }

    /** The result as a {@code 0x} hex string, validated; throws MALFORMED for anything else. */
    public String hexOrThrow() throws RpcException {
        return Hex.requireHex(resultOrThrow(), "result");
    }
}
