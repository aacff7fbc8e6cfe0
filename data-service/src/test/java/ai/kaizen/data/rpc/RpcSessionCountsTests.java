package ai.kaizen.data.rpc;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What a session counts: round trips, calls, and the round trips on the critical path when work runs in parallel. */
class RpcSessionCountsTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private HttpServer server;
    private JsonRpcClient client;
    /** Holds every reply until this many requests are in flight at once (so parallel requests surely overlap). */
    private volatile CountDownLatch inFlight = new CountDownLatch(0);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            CountDownLatch latch = inFlight;
            latch.countDown();
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            JsonNode body = MAPPER.readTree(exchange.getRequestBody().readAllBytes());
            String reply;
            if (body.isArray()) {
                StringBuilder items = new StringBuilder("[");
                for (JsonNode call : body) {
                    items.append(items.length() > 1 ? "," : "").append("{\"jsonrpc\":\"2.0\",\"id\":")
                            .append(call.path("id").asLong()).append(",\"result\":\"0x1\"}");
                }
                reply = items.append(']').toString();
            } else {
                reply = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}";
            }
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        client = new JsonRpcClient(new RpcProperties(Duration.ofSeconds(20), Duration.ofSeconds(2),
                DataSize.ofKilobytes(64), 1, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(1), 3),
                MAPPER, new SimpleMeterRegistry());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private RpcSession session() {
        return client.session("fake", List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/")));
    }

    @Test
    void callsCountBatchItemsAndSequentialRoundTripsFollowEachOther() throws Exception {
        RpcSession session = session();
        session.call("eth_blockNumber");
        session.batch(List.of(RpcCall.of("eth_chainId"), RpcCall.of("eth_gasPrice")));
        // Five calls with at most three per batch: two round trips, one after the other.
        session.batch(List.of(RpcCall.of("a"), RpcCall.of("b"), RpcCall.of("c"), RpcCall.of("d"), RpcCall.of("e")));
        assertThat(session.calls()).isEqualTo(8);
        assertThat(session.roundTrips()).isEqualTo(4);
        assertThat(session.sequentialRoundTrips()).isEqualTo(4);
    }

    @Test
    void roundTripsInParallelThreadsOverlapAndDoNotLengthenTheCriticalPath() throws Exception {
        RpcSession session = session();
        session.call("eth_blockNumber");
        inFlight = new CountDownLatch(3);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<JsonNode>> lanes = List.of(
                    CompletableFuture.supplyAsync(() -> call(session, "one"), threads),
                    CompletableFuture.supplyAsync(() -> call(session, "two"), threads),
                    CompletableFuture.supplyAsync(() -> call(session, "three"), threads));
            lanes.forEach(CompletableFuture::join);
        }
        inFlight = new CountDownLatch(0);
        session.call("eth_blockNumber");
        assertThat(session.roundTrips()).isEqualTo(5);
        assertThat(session.sequentialRoundTrips()).isEqualTo(3);
    }

    private static JsonNode call(RpcSession session, String method) {
        try {
            return session.call(method);
        } catch (RpcException e) {
            throw new IllegalStateException(e);
        }
    }
}
