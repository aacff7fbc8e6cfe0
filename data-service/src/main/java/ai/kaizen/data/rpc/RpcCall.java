package ai.kaizen.data.rpc;

import java.util.List;

/** One JSON-RPC request: a method and its positional parameters (strings, booleans, numbers, maps, lists). */
public record RpcCall(String method, List<Object> params) {

    public static RpcCall of(String method, Object... params) {
        return new RpcCall(method, List.of(params));
    }
}
