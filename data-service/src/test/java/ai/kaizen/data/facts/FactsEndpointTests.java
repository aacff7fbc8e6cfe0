package ai.kaizen.data.facts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts endpoint end to end: a real HTTP call with a real token, a fake JSON-RPC node and explorer speaking
 * their wire protocols, and the real Redis cache. Faults of the node give partial facts, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactsEndpointTests {

    static final String TOKEN = "0x00000000000000000000000000000000000a11ce";
    static final String RATE_LIMITED = "0x00000000000000000000000000000000000b0b00";
    static final String OWNER = "0x1111111111111111111111111111111111111111";
    static final String CREATOR = "0x2222222222222222222222222222222222222222";
    static final String ACCOUNT = "0x4444444444444444444444444444444444444444";

    static final FakeNode NODE = new FakeNode();
    static MockWebServer node;
    static MockWebServer faulty;
    static MockWebServer explorer;

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestTokens.register(registry);
        TestDatabase.register(registry, "chain");
        String runtime = "0x" + AnvilNode.runtime("KzOwnedToken");
        NODE.code.put(TOKEN, runtime);
        NODE.code.put(RATE_LIMITED, runtime);
        NODE.owners.put(TOKEN, OWNER);
        NODE.rateLimitedCalls.add(RATE_LIMITED);
        node = new MockWebServer();
        node.setDispatcher(NODE);
        node.start();
        faulty = new MockWebServer();
        faulty.start();
        explorer = new MockWebServer();
        explorer.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String contract = request.getUrl().queryParameter("contractaddresses");
                return new MockResponse.Builder().addHeader("Content-Type", "application/json").body("""
                        {"status":"1","message":"OK","result":[{"contractAddress":"%s","contractCreator":"%s",
                        "txHash":"0x%s"}]}""".formatted(contract, CREATOR, "ab".repeat(32))).build();
            }
        });
        explorer.start();
        registry.add("kaizen.chains.fakenet.chain-id", () -> "999001");
        registry.add("kaizen.chains.fakenet.rpc-urls", () -> node.url("/").toString());
        registry.add("kaizen.chains.fakenet.explorer.api-url", () -> explorer.url("/api").toString());
        registry.add("kaizen.chains.fakenet.explorer.key-required", () -> "false");
        registry.add("kaizen.chains.faultnet.chain-id", () -> "999002");
        registry.add("kaizen.chains.faultnet.rpc-urls", () -> faulty.url("/").toString());
        registry.add("kaizen.rpc.max-attempts", () -> "2");
        registry.add("kaizen.rpc.initial-backoff", () -> "5ms");
        registry.add("kaizen.rpc.max-backoff", () -> "20ms");
        registry.add("kaizen.rpc.call-timeout", () -> "1s");
        registry.add("kaizen.rpc.max-response-size", () -> "64KB");
    }

    @AfterAll
    static void stopServers() {
        node.close();
        faulty.close();
        explorer.close();
    }

    @BeforeEach
    void forgetCachedFacts() {
        for (String address : new String[] {TOKEN, RATE_LIMITED}) {
            for (String depth : new String[] {"quick", "standard", "comprehensive"}) {
                redis.delete("facts:fakenet:" + address + ":" + depth);
            }
        }
    }

    @Test
    void factsComeFromTheNodeTheCreatorFromTheExplorerAndTheSecondAnswerFromRedis() throws Exception {
        HttpResponse<String> response = get("/api/tokens/fakenet/" + TOKEN + "/facts?depth=quick");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Kaizen-Cache")).hasValue("miss");
        JsonNode facts = FakeNode.MAPPER.readTree(response.body());

        assertThat(facts.path("network").stringValue()).isEqualTo("fakenet");
        assertThat(facts.path("chainId").asLong()).isEqualTo(999001);
        assertThat(facts.path("address").stringValue()).isEqualTo("0x00000000000000000000000000000000000A11cE");
        assertThat(facts.path("depth").stringValue()).isEqualTo("quick");
        assertThat(facts.path("blockNumber").asLong()).isEqualTo(100);
        assertThat(facts.path("complete").asBoolean()).isTrue();
        assertThat(facts.path("token").path("isToken").asBoolean()).isTrue();
        assertThat(facts.path("token").path("name").stringValue()).isEqualTo("Fake Token");
        assertThat(facts.path("token").path("totalSupply").stringValue()).isEqualTo("1000000000000000000000000");
        assertThat(facts.path("ownership").path("owner").path("address").stringValue())
                .isEqualToIgnoringCase(OWNER);
        assertThat(facts.path("ownership").path("owner").path("kind").stringValue()).isEqualTo("eoa");
        assertThat(facts.path("creator").path("source").stringValue()).isEqualTo("explorer");
        assertThat(facts.path("creator").path("address").stringValue()).isEqualToIgnoringCase(CREATOR);
        assertThat(facts.path("bytecode").path("selectors").size()).isEqualTo(13);
        assertThat(facts.path("rpc").path("roundTrips").asInt()).isEqualTo(2);
        assertThat(facts.path("rpc").path("explorerCalls").asInt()).isEqualTo(1);
        assertThat(redis.getExpire("facts:fakenet:" + TOKEN + ":quick")).isBetween(1L, 60L);

        int nodeRequests = node.getRequestCount();
        HttpResponse<String> again = get("/api/tokens/fakenet/" + TOKEN + "/facts?depth=quick");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("X-Kaizen-Cache")).hasValue("hit");
        assertThat(node.getRequestCount()).isEqualTo(nodeRequests);
        assertThat(FakeNode.MAPPER.readTree(again.body()).path("token")).isEqualTo(facts.path("token"));
    }

    @Test
    void standardDepthListsTheChecksThatDoNotRunYet() throws Exception {
        JsonNode facts = FakeNode.MAPPER.readTree(get("/api/tokens/fakenet/" + TOKEN + "/facts").body());
        assertThat(facts.path("depth").stringValue()).isEqualTo("standard");
        JsonNode simulation = find(facts.path("coverage"), "simulation");
        assertThat(simulation.path("status").stringValue()).isEqualTo("skipped");
        assertThat(simulation.path("reason").stringValue()).isNotBlank();
    }

    @Test
    void rateLimitedCallsGivePartialFactsThatNameTheFailedCheck() throws Exception {
        HttpResponse<String> response = get("/api/tokens/fakenet/" + RATE_LIMITED + "/facts?depth=quick");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode facts = FakeNode.MAPPER.readTree(response.body());

        assertThat(facts.path("complete").asBoolean()).isFalse();
        assertThat(find(facts.path("coverage"), "code").path("status").stringValue()).isEqualTo("ran");
        assertThat(find(facts.path("coverage"), "bytecode").path("status").stringValue()).isEqualTo("ran");
        JsonNode metadata = find(facts.path("coverage"), "metadata");
        assertThat(metadata.path("status").stringValue()).isEqualTo("failed");
        assertThat(metadata.path("reason").stringValue()).contains("rate limited");
        assertThat(facts.path("token").isNull()).isTrue();
        assertThat(facts.path("bytecode").path("size").asInt()).isPositive();
        assertThat(get("/api/tokens/fakenet/" + RATE_LIMITED + "/facts?depth=quick").headers()
                .firstValue("X-Kaizen-Cache")).hasValue("miss");
    }

    @Test
    void aNodeThatKeepsAnswering429GivesFactsThatSayTheCodeCouldNotBeRead() throws Exception {
        faulty.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());
        faulty.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "0").build());

        JsonNode facts = partialFacts("0x0000000000000000000000000000000000000429");
        assertThat(find(facts.path("coverage"), "code").path("reason").stringValue())
                .contains("rate limited").contains("after 2 attempts");
    }

    @Test
    void aNodeThatTimesOutGivesPartialFacts() throws Exception {
        for (int i = 0; i < 2; i++) {
            faulty.enqueue(new MockResponse.Builder().headersDelay(3, TimeUnit.SECONDS).body("[]").build());
        }
        JsonNode facts = partialFacts("0x0000000000000000000000000000000000000504");
        assertThat(find(facts.path("coverage"), "code").path("reason").stringValue()).contains("no complete reply");
    }

    @Test
    void serverErrorsThenSuccessAreRetriedTransparently() throws Exception {
        faulty.enqueue(new MockResponse.Builder().code(502).build());
        faulty.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x5\"},{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x\"}]").build());

        HttpResponse<String> response = get("/api/tokens/faultnet/0x0000000000000000000000000000000000000502/facts");
        assertThat(response.statusCode()).isEqualTo(422);
    }

    @Test
    void anOversizedReplyGivesPartialFacts() throws Exception {
        faulty.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("[{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"0x" + "60".repeat(40_000) + "\"}]").build());
        JsonNode facts = partialFacts("0x0000000000000000000000000000000000000413");
        assertThat(find(facts.path("coverage"), "code").path("reason").stringValue()).contains("exceeds");
    }

    @Test
    void aMalformedReplyGivesPartialFacts() throws Exception {
        faulty.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html").body("<html>bad gateway").build());
        JsonNode facts = partialFacts("0x0000000000000000000000000000000000000400");
        assertThat(find(facts.path("coverage"), "code").path("reason").stringValue()).contains("not valid JSON");
    }

    @Test
    void aJsonRpcErrorForTheCodeGivesPartialFacts() throws Exception {
        faulty.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"0x5\"},{\"jsonrpc\":\"2.0\",\"id\":2,"
                        + "\"error\":{\"code\":-32000,\"message\":\"header not found\"}}]").build());
        JsonNode facts = partialFacts("0x0000000000000000000000000000000000000500");
        assertThat(find(facts.path("coverage"), "code").path("reason").stringValue()).contains("header not found");
    }

    @Test
    void anAddressWithoutCodeIs422() throws Exception {
        HttpResponse<String> response = get("/api/tokens/fakenet/" + ACCOUNT + "/facts");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(FakeNode.MAPPER.readTree(response.body()).path("detail").stringValue()).contains("no contract code");
    }

    @Test
    void badInputIs400AndSaysWhatIsWrong() throws Exception {
        assertProblem("/api/tokens/fakenet/0x123/facts", 400, "40 hexadecimal digits");
        assertProblem("/api/tokens/fakenet/0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48x/facts", 400, "40 hexadecimal");
        assertProblem("/api/tokens/ethereum/0xa0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48/facts", 400, "EIP-55 checksum");
        assertProblem("/api/tokens/notachain/" + TOKEN + "/facts", 400, "unknown network");
        assertProblem("/api/tokens/fakenet/" + TOKEN + "/facts?depth=deep", 400, "quick, standard or comprehensive");
        assertProblem("/api/tokens/solana/0OO/facts", 400, "Solana address");
        assertProblem("/api/tokens/solana/EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v/facts", 501, "solana");
    }

    private JsonNode partialFacts(String address) throws Exception {
        HttpResponse<String> response = get("/api/tokens/faultnet/" + address + "/facts?depth=quick");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode facts = FakeNode.MAPPER.readTree(response.body());
        assertThat(facts.path("complete").asBoolean()).isFalse();
        assertThat(find(facts.path("coverage"), "code").path("status").stringValue()).isEqualTo("failed");
        assertThat(find(facts.path("coverage"), "metadata").path("status").stringValue()).isEqualTo("failed");
        assertThat(facts.path("token").isNull()).isTrue();
        return facts;
    }

    private void assertProblem(String path, int status, String detail) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = FakeNode.MAPPER.readTree(response.body());
        assertThat(problem.path("detail").stringValue()).as(path).containsIgnoringCase(detail);
        assertThat(problem.path("title").stringValue()).isNotBlank();
    }

    private static JsonNode find(JsonNode coverage, String check) {
        for (JsonNode entry : coverage) {
            if (entry.path("check").stringValue().equals(check)) {
                return entry;
            }
        }
        throw new AssertionError("no coverage entry " + check + " in " + coverage);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestTokens.user("u1")).build(), HttpResponse.BodyHandlers.ofString());
    }
}
