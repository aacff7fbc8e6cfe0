package ai.kaizen.data.logs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcSession;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code eth_getLogs} for one or several contracts and a topic filter, with every log schema-checked. A topic
 * position is null (any), a topic, or a list of topics (any of them).
 */
public final class RpcLogSource implements LogSource {

    private final RpcSession session;
    private final List<EvmAddress> addresses;
    private final List<@Nullable Object> topics;

    public RpcLogSource(RpcSession session, EvmAddress address, List<@Nullable String> topics) {
        this(session, List.of(address), new ArrayList<@Nullable Object>(topics));
    }

    public RpcLogSource(RpcSession session, List<EvmAddress> addresses, List<@Nullable Object> topics) {
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("at least one address");
        }
        this.session = session;
        this.addresses = List.copyOf(addresses);
        this.topics = new ArrayList<>(topics);
    }

    @Override
    public List<LogEntry> logs(long fromBlock, long toBlock) throws RpcException {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("fromBlock", Hex.quantity(fromBlock));
        filter.put("toBlock", Hex.quantity(toBlock));
        filter.put("address", addresses.size() == 1 ? addresses.getFirst().toLowerHex()
                : addresses.stream().map(EvmAddress::toLowerHex).toList());
        filter.put("topics", new ArrayList<>(topics));
        JsonNode result = session.call("eth_getLogs", filter);
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
