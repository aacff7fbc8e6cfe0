package ai.kaizen.data.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import org.jspecify.annotations.Nullable;

/**
 * Turns read-only contract calls into JSON-RPC items: one Multicall3 {@code aggregate3} eth_call when the chain has
 * Multicall3, else one eth_call per contract call. Either way they travel in one batch, so one round trip.
 */
public final class ContractReader {

    /** The configured Multicall3 address answered with something that is not aggregate3's result. */
    public static final class MulticallUnusable extends Exception {
        MulticallUnusable(String message) {
            super(message, null, false, false);
        }
    }

    private ContractReader() {
    }

    public static List<RpcCall> rpcCalls(List<ContractCall> calls, @Nullable EvmAddress multicall, String block) {
        if (calls.isEmpty()) {
            return List.of();
        }
        if (multicall != null) {
            return List.of(ethCall(multicall, Abi.aggregate3(calls), block));
        }
        List<RpcCall> out = new ArrayList<>(calls.size());
        for (ContractCall call : calls) {
            out.add(ethCall(call.target(), call.data(), block));
        }
        return out;
    }

    public static RpcCall ethCall(EvmAddress to, byte[] data, String block) {
        return RpcCall.of("eth_call", RpcSession.callObject(to.toLowerHex(), Abi.hex(data)), block);
    }

    /** Decodes the replies for {@link #rpcCalls}; {@code replies} are exactly the ones those items got. */
    public static List<CallResult> results(List<ContractCall> calls, @Nullable EvmAddress multicall, List<RpcReply> replies)
            throws MulticallUnusable {
        List<CallResult> out = new ArrayList<>(calls.size());
        if (calls.isEmpty()) {
            return out;
        }
        if (multicall != null) {
            RpcReply reply = replies.getFirst();
            if (!reply.ok()) {
                RpcError error = reply.error();
                for (ContractCall call : calls) {
                    out.add(new CallResult(call, false, new byte[0], "Multicall3 eth_call failed: " + describe(error),
                            true, true));
                }
                return out;
            }
            byte[] data;
            try {
                data = Hex.bytes(reply.hexOrThrow());
            } catch (RpcException e) {
                throw new MulticallUnusable("Multicall3 at " + multicall + " returned " + e.getMessage());
            }
            List<Abi.Result> decoded = Abi.aggregate3Results(data, calls.size());
            if (decoded == null) {
                throw new MulticallUnusable("Multicall3 at " + multicall
                        + " did not answer aggregate3 (no code there, or another contract)");
            }
            for (int i = 0; i < calls.size(); i++) {
                Abi.Result result = decoded.get(i);
                out.add(new CallResult(calls.get(i), result.success(), result.returnData(),
                        result.success() ? null : "reverted" + revertData(result.returnData()), false, true));
            }
            return out;
        }
        for (int i = 0; i < calls.size(); i++) {
            RpcReply reply = replies.get(i);
            ContractCall call = calls.get(i);
            if (reply.ok()) {
                try {
                    out.add(new CallResult(call, true, Hex.bytes(reply.hexOrThrow()), null, false, false));
                } catch (RpcException e) {
                    out.add(new CallResult(call, false, new byte[0], "malformed reply: " + e.getMessage(), true, false));
                }
            } else {
                RpcError error = reply.error();
                boolean reverted = isRevert(error);
                out.add(new CallResult(call, false, new byte[0], reverted ? "reverted" : describe(error), !reverted,
                        false));
            }
        }
        return out;
    }

    static boolean isRevert(@Nullable RpcError error) {
        if (error == null) {
            return false;
        }
        String message = error.message().toLowerCase(Locale.ROOT);
        return error.code() == 3 || message.contains("revert") || message.contains("invalid opcode")
                || message.contains("out of gas") || message.contains("stack underflow")
                || message.contains("invalid jump");
    }

    private static String describe(@Nullable RpcError error) {
        return error == null ? "unknown error" : "node error " + error.code() + ": " + error.message();
    }

    private static String revertData(byte[] data) {
        return data.length == 0 ? "" : " with " + Abi.hex(data.length > 68 ? java.util.Arrays.copyOf(data, 68) : data);
    }
}
