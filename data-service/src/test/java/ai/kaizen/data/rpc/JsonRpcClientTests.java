package ai.kaizen.data.rpc;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON-RPC transport against a local fake node that misbehaves like real providers do. */
class JsonRpcClientTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private MockWebServer server;
    private SimpleMeterRegistry meters;
    private JsonRpcClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        meters = new SimpleMeterRegistry();
        client = new JsonRpcClient(new RpcProperties(Duration.ofMillis(700), Duration.ofMillis(500),
                DataSize.ofBytes(1024), 3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(2), 50),
                MAPPER, meters);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RpcSession session() {
        return client.session("fake", List.of(URI.create(server.url("/").toString())));
    }

    private static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("busy").build();
    }

    @Test
    void aRateLimitWithRetryAfterIsRetriedAndTheWaitHonoursRetryAfter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").body("slow down").build());
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x10\"}"));
        RpcSession session = session();

        assertThat(session.call("eth_blockNumber").stringValue()).isEqualTo("0x10");
        assertThat(session.roundTrips()).isEqualTo(2);
        assertThat(server.getRequestCount()).isEqualTo(2);

        RpcException rateLimited = new RpcException(RpcException.Kind.RATE_LIMITED, "429", Duration.ofSeconds(1), null, null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(client.backoff(attempt, rateLimited)).isGreaterThanOrEqualTo(1000);
        }
        assertThat(meters.get("kaizen.rpc.round.trips").tag("outcome", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(meters.get("kaizen.rpc.round.trips").tag("outcome", "ok").counter().count()).isEqualTo(1);
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndStaysUnderTheCap() {
        for (int i = 0; i < 50; i++) {
            long first = client.backoff(1, null);
            long third = client.backoff(3, null);
            assertThat(first).isBetween(2L, 8L);       // 5 ms +-50 %
            assertThat(third).isBetween(10L, 20L);     // 20 ms +-50 %, capped at 20
            assertThat(client.backoff(30, null)).isLessThanOrEqualTo(20L);
        }
    }

    @Test
    void retryAfterAcceptsSecondsAndHttpDates() {
        assertThat(JsonRpcClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
        assertThat(JsonRpcClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(JsonRpcClient.retryAfter("soon")).isNull();
        assertThat(JsonRpcClient.retryAfter(null)).isNull();
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() throws Exception {
        server.enqueue(status(503));
        server.enqueue(status(502));
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}"));
        RpcSession session = session();

        assertThat(session.call("eth_chainId").stringValue()).isEqualTo("0x1");
        assertThat(session.roundTrips()).isEqualTo(3);
    }

    @Test
    void persistentServerErrorsFailAfterTheLastAttemptAndSaySo() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(status(500));
        }
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.SERVER_ERROR))
                .hasMessageContaining("HTTP 500").hasMessageContaining("after 3 attempts");
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aRetryAfterLongerThanWeWaitFailsAtOnce() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcException.Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofHours(1));
                });
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aNodeThatDoesNotAnswerInTimeTimesOutOnEveryAttempt() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS)
                    .body("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}").build());
        }
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.TIMEOUT))
                .hasMessageContaining("after 3 attempts");
        assertThat(session.roundTrips()).isEqualTo(3);
    }

    @Test
    void aBodyThatTricklesInSlowerThanTheCallTimeoutTimesOut() {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "0".repeat(200) + "\"}";
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().body(body).throttleBody(16, 200, TimeUnit.MILLISECONDS).build());
        }
        assertThatThrownBy(() -> session().call("eth_call"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.TIMEOUT));
    }

    @Test
    void anOversizedReplyIsRejectedUnreadAndNotRetried() {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "ab".repeat(1024) + "\"}"));
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_getCode", "0x00", "latest"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.OVERSIZED))
                .hasMessageContaining("1024-byte limit");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anOversizedChunkedReplyWithoutContentLengthIsRejectedToo() {
        server.enqueue(new MockResponse.Builder()
                .chunkedBody("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x" + "ab".repeat(2048) + "\"}", 256).build());

        assertThatThrownBy(() -> session().call("eth_getCode", "0x00", "latest"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.OVERSIZED));
    }

    @Test
    void malformedJsonIsRejectedAndNotRetried() {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"));
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.MALFORMED));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReplyThatIsJsonButNotJsonRpcIsMalformed() {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1}"));
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"0x1\"}"));
        server.enqueue(json("[1,2,3]"));
        RpcSession session = session();

        assertThatThrownBy(() -> session.call("eth_chainId")).hasMessageContaining("neither result nor error");
        assertThatThrownBy(() -> session.call("eth_chainId")).hasMessageContaining("id does not match");
        assertThatThrownBy(() -> session.call("eth_chainId")).hasMessageContaining("not a JSON-RPC object");
    }

    @Test
    void aJsonRpcErrorObjectBecomesAnRpcErrorWithItsCodeAndMessage() {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"the method "
                + "ots_getContractCreator does not exist/is not available\"}}"));

        assertThatThrownBy(() -> session().call("ots_getContractCreator", "0x00"))
                .isInstanceOfSatisfying(RpcException.class, e -> {
                    assertThat(e.kind()).isEqualTo(RpcException.Kind.RPC_ERROR);
                    assertThat(e.error().code()).isEqualTo(-32601);
                    assertThat(e.error().methodNotFound()).isTrue();
                });
    }

    @Test
    void aBatchIsOneRoundTripAndRepliesAreMatchedByIdWhateverTheirOrder() throws Exception {
        server.enqueue(json("[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":\"0x3\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x1\"}]"));
        RpcSession session = session();

        List<RpcReply> replies = session.batch(List.of(RpcCall.of("a"), RpcCall.of("b"), RpcCall.of("c")));

        assertThat(session.roundTrips()).isEqualTo(1);
        assertThat(replies.get(0).result().stringValue()).isEqualTo("0x1");
        assertThat(replies.get(1).ok()).isFalse();
        assertThat(replies.get(1).error().message()).contains("no reply");
        assertThat(replies.get(2).result().stringValue()).isEqualTo("0x3");
        JsonNode sent = MAPPER.readTree(server.takeRequest().getBody().utf8());
        assertThat(sent.isArray()).isTrue();
        assertThat(sent.get(2).path("method").stringValue()).isEqualTo("c");
        assertThat(sent.get(2).path("id").asInt()).isEqualTo(3);
    }

    @Test
    void aProviderThatRefusesBatchesGetsTheCallsOneByOne() throws Exception {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"batch requests are not supported\"}}"));
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xa\"}"));
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0xb\"}"));
        RpcSession session = session();

        List<RpcReply> replies = session.batch(List.of(RpcCall.of("a"), RpcCall.of("b")));

        assertThat(replies).extracting(r -> r.result().stringValue()).containsExactly("0xa", "0xb");
        assertThat(session.roundTrips()).isEqualTo(3);
    }

    @Test
    void largeBatchesAreSplitAtTheConfiguredSize() throws Exception {
        JsonRpcClient small = new JsonRpcClient(new RpcProperties(Duration.ofSeconds(2), Duration.ofSeconds(1),
                DataSize.ofKilobytes(64), 1, Duration.ofMillis(5), Duration.ofMillis(5), Duration.ofSeconds(1), 2),
                MAPPER, meters);
        server.enqueue(json("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":2}]"));
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":3}"));
        RpcSession session = small.session("fake", List.of(URI.create(server.url("/").toString())));

        List<RpcReply> replies = session.batch(List.of(RpcCall.of("a"), RpcCall.of("b"), RpcCall.of("c")));

        assertThat(replies).extracting(r -> r.result().asInt()).containsExactly(1, 2, 3);
        assertThat(session.roundTrips()).isEqualTo(2);
    }

    @Test
    void aFailingUrlIsFollowedByTheNextOne() throws Exception {
        try (MockWebServer second = new MockWebServer()) {
            second.start();
            server.enqueue(status(503));
            second.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x2\"}"));
            RpcSession session = client.session("fake", List.of(URI.create(server.url("/").toString()),
                    URI.create(second.url("/").toString())));

            assertThat(session.call("eth_chainId").stringValue()).isEqualTo("0x2");
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(second.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientErrorThatIsNotJsonRpcIsNotRetried() {
        server.enqueue(new MockResponse.Builder().code(401).body("{\"message\":\"invalid project id\"}").build());

        assertThatThrownBy(() -> session().call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.CLIENT_ERROR));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void requestsArePostedAsJsonRpc20() throws Exception {
        server.enqueue(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x\"}"));
        session().call("eth_getCode", "0xabc", "latest");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        JsonNode body = MAPPER.readTree(request.getBody().utf8());
        assertThat(body.path("jsonrpc").stringValue()).isEqualTo("2.0");
        assertThat(body.path("params").get(1).stringValue()).isEqualTo("latest");
    }

    @Test
    void aChainWithoutUrlsIsNotConfigured() {
        RpcSession session = client.session("nowhere", List.of());
        assertThatThrownBy(() -> session.call("eth_chainId"))
                .isInstanceOfSatisfying(RpcException.class, e -> assertThat(e.kind()).isEqualTo(RpcException.Kind.NOT_CONFIGURED));
    }
}
