package ai.kaizen.data.privileges;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;

/**
 * Rounds of JSON-RPC calls: each round's calls are split into batches of at most {@code maxBatch} calls and about
 * {@link #MAX_BATCH_BYTES} of request body (nodes refuse larger bodies: anvil at 2 MB), and the batches go out in
 * parallel, so one round costs one round trip of latency however many calls it holds. A batch that fails as a whole
 * yields error replies for its calls; the others stand.
 */
public final class RpcRounds {

    /** Request body budget per batch, estimated from the parameters' text. */
    static final long MAX_BATCH_BYTES = 900_000;

    private final RpcSession session;
    private final int maxBatch;
    private final ExecutorService executor;
    private final AtomicInteger rounds = new AtomicInteger();

    public RpcRounds(RpcSession session, int maxBatch, ExecutorService executor) {
        this.session = session;
        this.maxBatch = Math.max(1, maxBatch);
        this.executor = executor;
    }

    /** One round; the replies are in call order. */
    public List<RpcReply> round(List<RpcCall> calls) {
        if (calls.isEmpty()) {
            return List.of();
        }
        rounds.incrementAndGet();
        List<List<RpcCall>> batches = new ArrayList<>();
        List<RpcCall> current = new ArrayList<>();
        long bytes = 0;
        for (RpcCall call : calls) {
            long size = estimate(call.params(), 0) + 64;
            if (!current.isEmpty() && (current.size() >= maxBatch || bytes + size > MAX_BATCH_BYTES)) {
                batches.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(call);
            bytes += size;
        }
        batches.add(current);
        List<Future<List<RpcReply>>> chunks = new ArrayList<>();
        for (List<RpcCall> batch : batches) {
            chunks.add(executor.submit(() -> send(batch)));
        }
        List<RpcReply> replies = new ArrayList<>(calls.size());
        for (int i = 0; i < chunks.size(); i++) {
            int size = batches.get(i).size();
            try {
                replies.addAll(chunks.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                replies.addAll(failed(size, "interrupted"));
            } catch (ExecutionException e) {
                replies.addAll(failed(size, String.valueOf(e.getCause())));
            }
        }
        return replies;
    }

    private List<RpcReply> send(List<RpcCall> chunk) {
        try {
            return session.batch(chunk);
        } catch (RpcException e) {
            return failed(chunk.size(), e.getMessage());
        }
    }

    private static List<RpcReply> failed(int count, String message) {
        List<RpcReply> replies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            replies.add(new RpcReply(null, new RpcError(-32603, message == null ? "request failed" : message, null)));
        }
        return replies;
    }

    /** The JSON text length of a parameter tree, roughly. */
    static long estimate(Object value, int depth) {
        if (depth > 16) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return text.length() + 2;
        }
        if (value instanceof java.util.Map<?, ?> map) {
            long size = 2;
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + 4 + estimate(entry.getValue(), depth + 1);
            }
            return size;
        }
        if (value instanceof java.util.Collection<?> list) {
            long size = 2;
            for (Object item : list) {
                size += estimate(item, depth + 1) + 1;
            }
            return size;
        }
        return 24;
    }

    /** Sequential rounds so far. */
    public int rounds() {
        return rounds.get();
    }

    /** HTTP requests so far (parallel ones counted one by one). */
    public int requests() {
        return session.roundTrips();
    }
}
