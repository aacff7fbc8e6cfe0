package ai.kaizen.data.rpc;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.retry.Retry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The calls of one piece of work against one chain. Counts HTTP round trips and calls; batches cut round trips.
 * Several threads may use one session at once (each call keeps its own state; the counters are atomic), so
 * independent checks can run in parallel and {@link #sequentialRoundTrips()} shows the critical path.
 */
public final class RpcSession {

    private final JsonRpcClient client;
    private final String network;
    private final List<URI> urls;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    /** Start and end (System.nanoTime) of every round trip, for {@link #sequentialRoundTrips()}. */
    private final List<long[]> exchanges = java.util.Collections.synchronizedList(new ArrayList<>());

    RpcSession(JsonRpcClient client, String network, List<URI> urls) {
        this.client = client;
        this.network = network;
        this.urls = List.copyOf(urls);
    }

    public String network() {
        return network;
    }

    /** HTTP round trips so far, retries included. */
    public int roundTrips() {
        return roundTrips.get();
    }

    /** JSON-RPC calls requested so far (each item of a batch counts once; retries do not add calls). */
    public int calls() {
        return calls.get();
    }

    /**
     * The round trips on the critical path: the longest chain of round trips each of which started after the previous
     * one had finished. Work done in parallel threads on one session overlaps and does not lengthen the chain.
     */
    public int sequentialRoundTrips() {
        long[][] sorted;
        synchronized (exchanges) {
            sorted = exchanges.toArray(new long[0][]);
        }
        java.util.Arrays.sort(sorted, java.util.Comparator.comparingLong(e -> e[0]));
        int[] chain = new int[sorted.length];
        int longest = 0;
        for (int i = 0; i < sorted.length; i++) {
            int before = 0;
            for (int j = 0; j < i; j++) {
                if (sorted[j][1] <= sorted[i][0]) {
                    before = Math.max(before, chain[j]);
                }
            }
            chain[i] = before + 1;
            longest = Math.max(longest, chain[i]);
        }
        return longest;
    }

    /** One call; a JSON-RPC error object becomes an {@link RpcException} of kind RPC_ERROR. */
    public JsonNode call(String method, Object... params) throws RpcException {
        return batch(List.of(RpcCall.of(method, params))).getFirst().resultOrThrow();
    }

    /**
     * Many calls in as few round trips as the batch size allows. Per-call errors come back as replies; a failure of
     * the exchange itself (after retries) throws. A node that rejects batches as a whole gets the calls one by one.
     */
    public List<RpcReply> batch(List<RpcCall> calls) throws RpcException {
        this.calls.addAndGet(calls.size());
        List<RpcReply> replies = new ArrayList<>(calls.size());
        int size = Math.max(1, client.properties().maxBatchSize());
        for (int from = 0; from < calls.size(); from += size) {
            replies.addAll(chunk(calls.subList(from, Math.min(calls.size(), from + size))));
        }
        return replies;
    }

    private List<RpcReply> chunk(List<RpcCall> calls) throws RpcException {
        boolean single = calls.size() == 1;
        JsonNode reply = send(encode(calls, single));
        if (single) {
            return List.of(decodeOne(reply, 1));
        }
        if (reply.isObject() && reply.has("error")) {
            // Some providers refuse batches (or their size) with one error object: fall back to single calls.
            List<RpcReply> replies = new ArrayList<>(calls.size());
            for (RpcCall call : calls) {
                replies.add(decodeOne(send(encode(List.of(call), true)), 1));
            }
            return replies;
        }
        if (!reply.isArray()) {
            throw new RpcException(RpcException.Kind.MALFORMED, "batch reply is not a JSON array");
        }
        RpcReply[] byId = new RpcReply[calls.size()];
        for (JsonNode item : reply) {
            JsonNode id = item.path("id");
            if (!id.isIntegralNumber() || id.asLong() < 1 || id.asLong() > calls.size()) {
                continue;
            }
            int index = (int) id.asLong() - 1;
            if (byId[index] == null) {
                byId[index] = decodeItem(item);
            }
        }
        List<RpcReply> replies = new ArrayList<>(calls.size());
        for (RpcReply one : byId) {
            replies.add(one != null ? one
                    : new RpcReply(null, new RpcError(-32603, "no reply for this call in the batch", null)));
        }
        return replies;
    }

    private byte[] encode(List<RpcCall> calls, boolean single) {
        ArrayNode array = client.mapper().createArrayNode();
        int id = 1;
        for (RpcCall call : calls) {
            ObjectNode request = client.mapper().createObjectNode();
            request.put("jsonrpc", "2.0");
            request.put("id", id++);
            request.put("method", call.method());
            request.set("params", client.mapper().valueToTree(call.params()));
            array.add(request);
        }
        return client.mapper().writeValueAsBytes(single ? array.get(0) : array);
    }

    private JsonNode send(byte[] payload) throws RpcException {
        Retry retry = Retry.of("rpc-" + network, client.retryConfig());
        AtomicInteger attempts = new AtomicInteger();
        try {
            return retry.executeCallable(() -> {
                if (urls.isEmpty()) {
                    throw new RpcException(RpcException.Kind.NOT_CONFIGURED,
                            "no RPC URL is configured for network " + network);
                }
                int attempt = attempts.getAndIncrement();
                URI url = urls.get(attempt % urls.size());
                roundTrips.incrementAndGet();
                long start = System.nanoTime();
                try {
                    return client.exchange(network, url, payload);
                } finally {
                    exchanges.add(new long[] {start, System.nanoTime()});
                }
            });
        } catch (RpcException e) {
            if (attempts.get() > 1) {
                throw new RpcException(e.kind(), e.getMessage() + " (after " + attempts.get() + " attempts)",
                        e.retryAfter(), e.error(), e);
            }
            throw e;
        } catch (Exception e) {
            throw new RpcException(RpcException.Kind.CONNECTION, JsonRpcClient.brief(e.getMessage()), e);
        }
    }

    private static RpcReply decodeOne(JsonNode reply, long expectedId) throws RpcException {
        if (!reply.isObject()) {
            throw new RpcException(RpcException.Kind.MALFORMED, "reply is not a JSON-RPC object");
        }
        JsonNode id = reply.path("id");
        if (!reply.has("error") && (!id.isIntegralNumber() || id.asLong() != expectedId)) {
            throw new RpcException(RpcException.Kind.MALFORMED, "reply id does not match the request");
        }
        return decodeItem(reply);
    }

    private static RpcReply decodeItem(JsonNode item) throws RpcException {
        if (!item.isObject()) {
            throw new RpcException(RpcException.Kind.MALFORMED, "batch item is not a JSON-RPC object");
        }
        JsonNode error = item.get("error");
        if (error != null && !error.isNull()) {
            if (!error.isObject()) {
                return new RpcReply(null, new RpcError(-32603, "malformed error object", null));
            }
            JsonNode data = error.get("data");
            String dataText = data == null || data.isNull() ? null
                    : JsonRpcClient.brief(data.isString() ? data.stringValue() : data.toString());
            return new RpcReply(null, new RpcError(error.path("code").asLong(0),
                    JsonRpcClient.brief(error.path("message").asString("")), dataText));
        }
        if (!item.has("result")) {
            throw new RpcException(RpcException.Kind.MALFORMED, "reply has neither result nor error");
        }
        return new RpcReply(item.get("result"), null);
    }

    /** A single-parameter map helper for call objects ({to, data}). */
    public static Map<String, String> callObject(String to, String data) {
        return Map.of("to", to, "data", data);
    }
}
