package ai.kaizen.analysis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.analysis.facts.DevnetZoo;
import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.testsupport.MutableClock;
import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service on a random port with the real PostgreSQL (kaizen_test, schema analysis) and Redis (database 13,
 * emptied once per run), real tokens from a real OIDC server, and data-, intel-, social- and auth-service as local fake
 * servers speaking their JSON. Every test class extending this shares one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfiguration.class)
public abstract class ServiceTestSupport {

    public static final int REDIS_DATABASE = 13;
    public static final String SERVICE_ACCOUNT = "00000000-0000-4000-8000-00000000a11a";
    public static final FakeDataService DATA = new FakeDataService();
    public static final FakeOffChainService INTEL = new FakeOffChainService();
    public static final FakeOffChainService SOCIAL = new FakeOffChainService();
    public static final MutableClock CLOCK = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    private static final SecureRandom RANDOM = new SecureRandom();
    private static MockWebServer data;
    private static MockWebServer intel;
    private static MockWebServer social;
    private static MockWebServer auth;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected CircuitBreakerRegistry breakers;

    protected final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static synchronized void properties(DynamicPropertyRegistry registry) throws IOException {
        TestTokens.register(registry);
        TestDatabase.register(registry, "analysis");
        if (data == null) {
            flushRedis();
            data = start(DATA);
            intel = start(INTEL);
            social = start(SOCIAL);
            auth = start(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    if (!"service-key".equals(request.getHeaders().get("X-API-Key"))) {
                        return new MockResponse.Builder().code(401).build();
                    }
                    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                            .body("{\"accessToken\":\"" + TestTokens.user(SERVICE_ACCOUNT)
                                    + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900}").build();
                }
            });
        }
        registry.add("spring.data.redis.database", () -> REDIS_DATABASE);
        registry.add("kaizen.analysis.upstream.data.url", () -> data.url("/").toString());
        registry.add("kaizen.analysis.upstream.intel.url", () -> intel.url("/").toString());
        registry.add("kaizen.analysis.upstream.social.url", () -> social.url("/").toString());
        registry.add("kaizen.analysis.upstream.auth.url", () -> auth.url("/").toString());
        registry.add("kaizen.analysis.upstream.auth.api-key", () -> "service-key");
        // Fast retries, so the outage tests see a job fail within seconds.
        registry.add("kaizen.messaging.backoff.base", () -> "100ms");
        registry.add("kaizen.messaging.backoff.max", () -> "500ms");
        registry.add("kaizen.messaging.max-deliveries", () -> "3");
        registry.add("kaizen.messaging.block-time", () -> "200ms");
    }

    private static MockWebServer start(Dispatcher dispatcher) throws IOException {
        MockWebServer server = new MockWebServer();
        server.setDispatcher(dispatcher);
        server.start();
        return server;
    }

    /** Redis database 13 belongs to these tests: emptied before the context starts, so no stale streams or cache. */
    private static void flushRedis() {
        RedisClient client = RedisClient.create(RedisURI.builder().withHost("localhost").withPort(6379)
                .withDatabase(REDIS_DATABASE).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    @BeforeEach
    void resetUpstreams() {
        breakers.getAllCircuitBreakers().forEach(io.github.resilience4j.circuitbreaker.CircuitBreaker::reset);
        INTEL.absent();
        SOCIAL.absent();
    }

    /** A fresh EVM address nobody has analysed (EIP-55). */
    public static String freshAddress() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return EvmAddress.of(bytes).toChecksum();
    }

    public static String user() {
        return UUID.randomUUID().toString();
    }

    /** The facts data-service reports for a devnet zoo token (by manifest key), at another address. */
    public static ObjectNode zooFacts(String key) throws IOException {
        JsonNode token = DevnetZoo.tokens().stream().filter(t -> t.path("key").asString().equals(key)).findFirst()
                .orElseThrow();
        return DevnetZoo.facts(token);
    }

    public static String zooAddress(String key) throws IOException {
        return DevnetZoo.tokens().stream().filter(t -> t.path("key").asString().equals(key)).findFirst()
                .orElseThrow().path("address").asString();
    }

    protected HttpResponse<String> post(String path, String body, String subject) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (subject != null) {
            request.header("Authorization", "Bearer " + TestTokens.user(subject));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> get(String path, String subject) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (subject != null) {
            request.header("Authorization", "Bearer " + TestTokens.user(subject));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected HttpResponse<String> analyze(String network, String address, String depth, String subject)
            throws IOException, InterruptedException {
        return post("/api/analysis/analyze", DevnetZoo.JSON.writeValueAsString(depth == null
                ? Map.of("contractAddress", address, "network", network)
                : Map.of("contractAddress", address, "network", network, "depth", depth)), subject);
    }

    protected static JsonNode json(HttpResponse<String> response) {
        return DevnetZoo.JSON.readTree(response.body());
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** The events of one type the outbox holds for a token, oldest first (payload JSON). */
    protected List<JsonNode> outboxEvents(String type, String network, String address) {
        return jdbc.queryForList("SELECT payload::text FROM outbox_event WHERE type = ? AND event_key = ? "
                        + "ORDER BY occurred_at, id", String.class, type, network + ":" + address).stream()
                .map(text -> DevnetZoo.JSON.readTree(text)).toList();
    }

    protected static Duration patience() {
        return Duration.ofSeconds(30);
    }
}
