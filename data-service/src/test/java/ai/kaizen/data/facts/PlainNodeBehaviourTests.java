package ai.kaizen.data.facts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.chain.ChainRegistry;
import ai.kaizen.data.chain.ChainsProperties;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.signals.Signal;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devnet behind a node that has neither eth_simulateV1 nor the debug API (many public RPC endpoints): the trade
 * simulation falls back to one eth_call and still catches honeypots and taxes, time-dependent checks say they did
 * not run, and privilege probing fails with a reason instead of inventing anything. Also: standard facts survive the
 * JSON round trip of the facts cache.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class PlainNodeBehaviourTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Set<String> MISSING = Set.of("eth_simulateV1", "debug_traceCall");

    private static PrivateDevnet devnet;
    private static MockWebServer plainNode;
    private static FactsCollector collector;
    private static Chain plain;
    private static Chain full;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        HttpClient http = HttpClient.newHttpClient();
        plainNode = new MockWebServer();
        plainNode.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                JsonNode body = MAPPER.readTree(request.getBody().utf8());
                try {
                    JsonNode reply = body.isArray() ? forwardBatch((ArrayNode) body, http) : forward(body, http);
                    return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                            .body(MAPPER.writeValueAsString(reply)).build();
                } catch (Exception e) {
                    return new MockResponse.Builder().code(502).build();
                }
            }
        });
        plainNode.start();
        RpcProperties properties = RpcProperties.defaults();
        JsonRpcClient client = new JsonRpcClient(properties, MAPPER, new SimpleMeterRegistry());
        collector = TestCollectors.collector(client);
        ChainsProperties.Chain settings = new ChainsProperties.Chain(null,
                List.of(URI.create(plainNode.url("/").toString())), devnet.manifestPath().toString(), null, List.of(),
                null, List.of(), null, List.of(), List.of());
        plain = new ChainRegistry(new ChainsProperties(Map.of("plain", settings)), MAPPER).find("plain").orElseThrow();
        full = devnet.chain("devnet");
    }

    private static JsonNode forwardBatch(ArrayNode batch, HttpClient http) throws Exception {
        ArrayNode replies = MAPPER.createArrayNode();
        ArrayNode passed = MAPPER.createArrayNode();
        for (JsonNode call : batch) {
            if (MISSING.contains(call.path("method").stringValue())) {
                replies.add(missing(call));
            } else {
                passed.add(call);
            }
        }
        if (!passed.isEmpty()) {
            MAPPER.readTree(send(passed, http)).forEach(replies::add);
        }
        return replies;
    }

    private static JsonNode forward(JsonNode call, HttpClient http) throws Exception {
        return MISSING.contains(call.path("method").stringValue()) ? missing(call) : MAPPER.readTree(send(call, http));
    }

    private static String send(JsonNode payload, HttpClient http) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(devnet.url()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(payload))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static ObjectNode missing(JsonNode call) {
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", call.path("id"));
        reply.putObject("error").put("code", -32601).put("message", "the method "
                + call.path("method").stringValue() + " does not exist/is not available");
        return reply;
    }

    @AfterAll
    static void stop() throws Exception {
        if (plainNode != null) {
            plainNode.close();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    private static String address(String symbol) {
        return devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals(symbol)).findFirst()
                .orElseThrow().path("address").stringValue();
    }

    private static Coverage coverage(TokenFacts facts, String check) {
        return facts.coverage().stream().filter(c -> c.check().equals(check)).findFirst().orElseThrow();
    }

    @Test
    void withoutSimulateV1OneEthCallStillCatchesTheHoneypotAndTheTaxes() throws Exception {
        TokenFacts honeypot = collector.collect(plain, EvmAddress.parse(address("HNYM")), Depth.STANDARD);
        assertThat(honeypot.simulation()).isNotNull();
        assertThat(honeypot.simulation().method()).isEqualTo("eth_call");
        assertThat(honeypot.simulation().honeypot()).isEqualTo("sell_reverts");
        assertThat(honeypot.simulation().laterSells()).isEmpty();
        assertThat(honeypot.signals()).extracting(Signal::code).contains("honeypot");
        assertThat(coverage(honeypot, "simulation").status()).isEqualTo("ran");

        TokenFacts taxed = collector.collect(plain, EvmAddress.parse(address("DCASH")), Depth.STANDARD);
        assertThat(taxed.simulation().buyTax().bps()).isBetween(250, 350);
        assertThat(taxed.simulation().sellTax().bps()).isBetween(2450, 2550);

        TokenFacts cooldown = collector.collect(plain, EvmAddress.parse(address("SCAT")), Depth.STANDARD);
        assertThat(cooldown.simulation().cooldown()).isNotNull();
        assertThat(cooldown.simulation().cooldown().seconds()).isNull();
        assertThat(cooldown.simulation().cooldown().note()).contains("eth_simulateV1");
    }

    @Test
    void withoutTheDebugApiPrivilegeProbingSaysWhyItDidNotRun() throws Exception {
        TokenFacts facts = collector.collect(plain, EvmAddress.parse(address("GEM")), Depth.STANDARD);
        Coverage privileges = coverage(facts, "privileges");
        assertThat(privileges.status()).isEqualTo("failed");
        assertThat(privileges.reason()).contains("debug_traceCall").contains("debug API");
        assertThat(facts.complete()).isFalse();
        assertThat(facts.signals()).extracting(Signal::code).doesNotContain("mint", "hidden_mint",
                "ownership_renounced");
    }

    @Test
    void quickDepthSkipsBothAndSaysSo() throws Exception {
        TokenFacts facts = collector.collect(full, EvmAddress.parse(address("TINU")), Depth.QUICK);
        assertThat(facts.simulation()).isNull();
        assertThat(facts.privileges()).isNull();
        assertThat(coverage(facts, "simulation").reason()).isEqualTo("not at depth quick");
        assertThat(coverage(facts, "privileges").reason()).isEqualTo("not at depth quick");
    }

    @Test
    void standardFactsSurviveTheCachesJsonRoundTrip() throws Exception {
        TokenFacts facts = collector.collect(full, EvmAddress.parse(address("USDT")), Depth.STANDARD);
        String json = MAPPER.writeValueAsString(facts);
        TokenFacts back = MAPPER.readValue(json, TokenFacts.class);
        assertThat(back.signals()).extracting(Signal::code).isEqualTo(facts.signals().stream().map(Signal::code).toList());
        assertThat(back.simulation().pool()).isEqualTo(facts.simulation().pool());
        assertThat(back.privileges().capabilities()).hasSameSizeAs(facts.privileges().capabilities());
        JsonNode tree = MAPPER.readTree(json);
        assertThat(tree.path("simulation").path("buyTax").path("bps").asInt()).isZero();
        assertThat(tree.path("privileges").path("capabilities").get(0).path("evidence").size()).isPositive();
        assertThat(tree.path("signals").get(0).has("kind")).isTrue();
    }
}
