package ai.kaizen.data.logs;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.rpc.RpcSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** eth_getLogs over the wire against a provider that caps results the way Infura does. */
class RpcLogSourceTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    private static final EvmAddress TOKEN = EvmAddress.parse("0x6B175474E89094C44Da98b954EedeAC495271d0F");

    private MockWebServer server;
    private final AtomicInteger capped = new AtomicInteger();
    private volatile boolean corrupt;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode call = MAPPER.readTree(request.getBody().utf8());
                JsonNode filter = call.path("params").get(0);
                long from = Long.parseLong(filter.path("fromBlock").stringValue().substring(2), 16);
                long to = Long.parseLong(filter.path("toBlock").stringValue().substring(2), 16);
                ObjectNode reply = MAPPER.createObjectNode().put("jsonrpc", "2.0").put("id", call.path("id").asInt());
                if (to - from + 1 > 64) {
                    capped.incrementAndGet();
                    reply.putObject("error").put("code", -32005).put("message", "query returned more than 10000 results");
                } else {
                    ArrayNode logs = reply.putArray("result");
                    for (long block = from; block <= to; block++) {
                        ObjectNode log = logs.addObject();
                        log.put("address", corrupt ? "0x1234" : TOKEN.toLowerHex());
                        log.putArray("topics").add(TRANSFER).add("0x" + "0".repeat(64)).add("0x" + "0".repeat(63) + "1");
                        log.put("data", "0x" + String.format("%064x", block));
                        log.put("blockNumber", "0x" + Long.toHexString(block));
                        log.put("logIndex", "0x0");
                        log.put("transactionHash", "0x" + String.format("%064x", block));
                        log.put("removed", false);
                    }
                }
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body(MAPPER.writeValueAsString(reply)).build();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RpcSession session() {
        JsonRpcClient client = new JsonRpcClient(new RpcProperties(Duration.ofSeconds(5), Duration.ofSeconds(1),
                DataSize.ofMegabytes(4), 1, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(1), 50),
                MAPPER, new SimpleMeterRegistry());
        return client.session("fake", List.of(URI.create(server.url("/").toString())));
    }

    @Test
    void transferLogsOfAWideRangeArriveCompleteThroughSplitting() throws RpcException {
        RpcSession session = session();
        LogRangeFetcher.Result result = new LogRangeFetcher(1000, 100_000)
                .fetch(new RpcLogSource(session, TOKEN, List.of(TRANSFER)), 0, 499);

        assertThat(result.logs()).hasSize(500);
        assertThat(result.logs()).extracting(LogEntry::blockNumber).isSorted().doesNotHaveDuplicates();
        assertThat(result.logs().getFirst().topics()).hasSize(3).first().isEqualTo(TRANSFER);
        assertThat(capped.get()).isPositive();
        assertThat(result.splits()).isEqualTo(capped.get());
        assertThat(session.roundTrips()).isEqualTo(result.requests());
    }

    @Test
    void aLogThatDoesNotMatchTheSchemaIsRejected() {
        corrupt = true;
        assertThatThrownBy(() -> new RpcLogSource(session(), TOKEN, List.of(TRANSFER)).logs(0, 3))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.MALFORMED));
    }
}
