package ai.kaizen.data.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code eth_getLogs} for one or several contracts and a topic filter, with every log schema-checked. A topic
 * position is null (any), a topic, or a list of topics (any of them). Several filters (e.g. every log of the token,
 * but only some events of its pools) go out as one batch per block window: one round trip, logs merged in chain order.
 */
public final class RpcLogSource implements LogSource {

    /** One eth_getLogs filter: the emitting contracts and the topic positions. */
    public record Filter(List<EvmAddress> addresses, List<@Nullable Object> topics) {

        public Filter {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("at least one address");
            }
            addresses = List.copyOf(addresses);
            topics = new ArrayList<>(topics);
        }
    }

    private final RpcSession session;
    private final List<Filter> filters;

    public RpcLogSource(RpcSession session, EvmAddress address, List<@Nullable String> topics) {
        this(session, List.of(address), new ArrayList<@Nullable Object>(topics));
    }

    public RpcLogSource(RpcSession session, List<EvmAddress> addresses, List<@Nullable Object> topics) {
        this(session, List.of(new Filter(addresses, topics)));
    }

    public RpcLogSource(RpcSession session, List<Filter> filters) {
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("at least one filter");
        }
        this.session = session;
        this.filters = List.copyOf(filters);
    }

    @Override
    public List<LogEntry> logs(long fromBlock, long toBlock) throws RpcException {
        List<RpcCall> calls = new ArrayList<>(filters.size());
        for (Filter filter : filters) {
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("fromBlock", Hex.quantity(fromBlock));
            query.put("toBlock", Hex.quantity(toBlock));
            query.put("address", filter.addresses().size() == 1 ? filter.addresses().getFirst().toLowerHex()
                    : filter.addresses().stream().map(EvmAddress::toLowerHex).toList());
            query.put("topics", new ArrayList<>(filter.topics()));
            calls.add(RpcCall.of("eth_getLogs", query));
        }
        List<RpcReply> replies = session.batch(calls);
        List<LogEntry> out = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            out.addAll(decode(replies.get(i).resultOrThrow(), filters.get(i).addresses(), fromBlock, toBlock));
        }
        if (filters.size() > 1) {
            out.sort(Comparator.comparingLong(LogEntry::blockNumber).thenComparingLong(LogEntry::logIndex));
        }
        return out;
    }

    private static List<LogEntry> decode(JsonNode result, List<EvmAddress> addresses, long fromBlock, long toBlock)
            throws RpcException {
        if (!result.isArray()) {
            throw new RpcException(RpcException.Kind.MALFORMED, "eth_getLogs result is not an array");
        }
        List<LogEntry> out = new ArrayList<>(result.size());
        for (JsonNode log : result) {
            if (log.path("removed").asBoolean(false)) {
                continue;
            }
            List<String> logTopics = new ArrayList<>();
            for (JsonNode topic : log.path("topics")) {
                logTopics.add(word(Hex.requireHex(topic, "topic")));
            }
            String emitter = Hex.requireHex(log.path("address"), "address").toLowerCase(Locale.ROOT);
            EvmAddress parsedEmitter = EvmAddress.tryParse(emitter);
            if (parsedEmitter == null || !addresses.contains(parsedEmitter) || logTopics.size() > 4) {
                throw new RpcException(RpcException.Kind.MALFORMED, "log has a bad address or too many topics");
            }
            long block = number(log.path("blockNumber"), "blockNumber");
            if (block < fromBlock || block > toBlock) {
                throw new RpcException(RpcException.Kind.MALFORMED, "log outside the requested block range");
            }
            out.add(new LogEntry(block,
                    number(log.path("logIndex"), "logIndex"),
                    word(Hex.requireHex(log.path("transactionHash"), "transactionHash")), emitter,
                    List.copyOf(logTopics), Hex.requireHex(log.path("data"), "data").toLowerCase(Locale.ROOT),
                    log.hasNonNull("blockTimestamp") ? number(log.path("blockTimestamp"), "blockTimestamp") : null));
        }
        return out;
    }

    private static long number(JsonNode node, String what) throws RpcException {
        try {
            return Hex.quantity(Hex.requireHex(node, what)).longValueExact();
        } catch (ArithmeticException e) {
            throw new RpcException(RpcException.Kind.MALFORMED, what + " is out of range");
        }
    }

    private static String word(String hex) throws RpcException {
        if (hex.length() != 66) {
            throw new RpcException(RpcException.Kind.MALFORMED, "a 32-byte word has 64 hex digits");
        }
        return hex.toLowerCase(Locale.ROOT);
    }
}
