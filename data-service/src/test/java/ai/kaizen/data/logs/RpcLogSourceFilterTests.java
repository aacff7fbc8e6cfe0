package ai.kaizen.data.logs;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One eth_getLogs for several contracts and alternative topics, with the block time when the node sends it. */
class RpcLogSourceFilterTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final String SYNC = "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";
    private static final EvmAddress TOKEN = EvmAddress.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");
    private static final EvmAddress PAIR = EvmAddress.parse("0xA478c2975Ab1Ea89e8196811F51A7B7Ade33eB11");

    private MockWebServer server;
    private final List<JsonNode> filters = new CopyOnWriteArrayList<>();
    private volatile String emitter = PAIR.toLowerHex();

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode call = MAPPER.readTree(request.getBody().utf8());
                filters.add(call.path("params").get(0));
                ObjectNode reply = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", call.path("id").asInt());
                ObjectNode withTime = reply.putArray("result").addObject();
                log(withTime, TOKEN.toLowerHex(), TRANSFER, 5).put("blockTimestamp", "0x6955bab0");
                log(reply.withArray("result").addObject(), emitter, SYNC, 6);
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body(MAPPER.writeValueAsString(reply)).build();
            }
        });
        server.start();
    }

    private static ObjectNode log(ObjectNode log, String address, String topic, long block) {
        log.put("address", address);
        log.putArray("topics").add(topic);
        log.put("data", "0x");
        log.put("blockNumber", "0x" + Long.toHexString(block));
        log.put("logIndex", "0x0");
        log.put("transactionHash", "0x" + String.format("%064x", block));
        return log;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RpcLogSource source() {
        JsonRpcClient client = new JsonRpcClient(new RpcProperties(Duration.ofSeconds(5), Duration.ofSeconds(1),
                DataSize.ofMegabytes(4), 1, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(1), 50),
                MAPPER, new SimpleMeterRegistry());
        List<@Nullable Object> topics = new ArrayList<>();
        topics.add(List.of(TRANSFER, SYNC));
        return new RpcLogSource(client.session("fake", List.of(URI.create(server.url("/").toString()))),
                List.of(TOKEN, PAIR), topics);
    }

    @Test
    void severalContractsAndAlternativeTopicsGoInOneFilter() throws RpcException {
        List<LogEntry> logs = source().logs(0, 10);
        JsonNode filter = filters.getFirst();
        assertThat(filter.path("address").valueStream().map(JsonNode::stringValue).toList())
                .containsExactly(TOKEN.toLowerHex(), PAIR.toLowerHex());
        assertThat(filter.path("topics").get(0).valueStream().map(JsonNode::stringValue).toList())
                .containsExactly(TRANSFER, SYNC);
        assertThat(logs).extracting(LogEntry::address).containsExactly(TOKEN.toLowerHex(), PAIR.toLowerHex());
        assertThat(logs.get(0).blockTimestamp()).isEqualTo(0x6955bab0L);
        assertThat(logs.get(1).blockTimestamp()).isNull();
    }

    @Test
    void aLogFromAContractThatWasNotAskedForIsRejected() {
        emitter = "0x" + "12".repeat(20);
        assertThatThrownBy(() -> source().logs(0, 10)).isInstanceOfSatisfying(RpcException.class,
                e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.MALFORMED));
    }
}
