package ai.kaizen.data.facts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.clones.CodeIndex;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.data.timeseries.TimeSeriesProperties;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Behaviour detection proven on the devnet zoo: for every token, the signals of the simulation and privilege
 * domain are exactly the manifest's behaviours of that domain (codes, the selector and caller that do it, taxes
 * within ±0.5 percentage points, limits, cooldown seconds, hidden owners' location), and nothing of
 * {@code mustNotReport} is reported. Detectors know no token, address or function name: renamed and hidden variants
 * are caught by what their calls do.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class ZooBehaviourTests {

    private static final Logger log = LoggerFactory.getLogger(ZooBehaviourTests.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Path MANIFEST = Path.of("..", "devnet", "manifest.json");

    /** Codes decided by the simulation, the privilege probes and the proxy/ownership facts. */
    static final Set<String> DOMAIN = Set.of("honeypot", "buy_tax", "sell_tax", "transfer_tax", "tax_modifiable",
            "per_address_tax", "max_tx", "max_wallet", "trading_cooldown", "pausable", "trading_not_enabled",
            "blacklist", "mint", "hidden_mint", "balance_rewrite", "ownership_renounced", "fake_renounce",
            "hidden_owner", "upgradeable_proxy", "minimal_proxy", "deprecation_forwarding", "selfdestruct",
            "external_call_in_transfer", "same_bytecode_as");
    private static final Set<String> TAXES = Set.of("buy_tax", "sell_tax", "transfer_tax");
    private static final int TAX_TOLERANCE_BPS = 50;
    private static final int CAP_TOLERANCE_BPS = 2;

    private static PrivateDevnet devnet;
    private static Chain chain;
    private static FactsCollector collector;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        chain = devnet.chain("devnet");
        JsonRpcClient client = new JsonRpcClient(RpcProperties.defaults(), MAPPER, new SimpleMeterRegistry());
        // The code index starts empty for this network, so same_bytecode_as follows the manifest's order.
        JdbcTemplate jdbc = new JdbcTemplate(TestCollectors.chainSchema());
        jdbc.update("DELETE FROM code_index WHERE network = ?", chain.name());
        collector = TestCollectors.collector(client, new TimeSeriesWriter(null, null, MAPPER,
                TimeSeriesProperties.defaults(), Clock.systemUTC()), new CodeIndex(jdbc, Clock.systemUTC()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    static Stream<Arguments> zoo() throws Exception {
        JsonNode manifest = MAPPER.readTree(Files.readAllBytes(MANIFEST));
        return manifest.path("tokens").valueStream().map(t -> Arguments.of(t.path("symbol").stringValue(), t));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zoo")
    void signalsAreExactlyTheManifestsBehaviours(String symbol, JsonNode token) throws Exception {
        long started = System.nanoTime();
        TokenFacts facts = collector.collect(chain, EvmAddress.parse(token.path("address").stringValue()),
                Depth.STANDARD);
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("ZOO {} wall {} ms, JSON-RPC round trips {} (sequential {}), calls {}, signals {}", symbol, millis,
                facts.rpc().roundTrips(), facts.rpc().sequentialRoundTrips(), facts.rpc().calls(),
                facts.signals().stream().map(Signal::code).toList());

        List<Signal> ours = facts.signals().stream().filter(s -> DOMAIN.contains(s.code())).toList();
        List<JsonNode> expected = token.path("behaviours").valueStream()
                .filter(b -> DOMAIN.contains(b.path("code").stringValue())).toList();
        assertSoftly(soft -> {
            soft.assertThat(coverage(facts, "simulation")).as(symbol + " simulation coverage").isEqualTo("ran");
            soft.assertThat(coverage(facts, "privileges")).as(symbol + " privileges coverage").isEqualTo("ran");
            soft.assertThat(codes(ours)).as(symbol + " codes; signals: " + describe(ours))
                    .isEqualTo(codes(expected.stream().map(b -> b.path("code").stringValue()).toList()));
            for (JsonNode behaviour : expected) {
                String code = behaviour.path("code").stringValue();
                Signal match = match(ours, behaviour);
                soft.assertThat(match).as(symbol + " " + behaviour + " among " + describe(ours)).isNotNull();
                if (match == null) {
                    continue;
                }
                if (TAXES.contains(code)) {
                    soft.assertThat(Math.abs(number(match, "value_bps") - behaviour.path("value_bps").asInt()))
                            .as(symbol + " " + code + " " + match.params()).isLessThanOrEqualTo(TAX_TOLERANCE_BPS);
                }
                if (behaviour.has("by")) {
                    soft.assertThat(String.valueOf(match.params().get("by"))).as(symbol + " " + code + " by")
                            .isEqualToIgnoringCase(behaviour.path("by").stringValue());
                }
                switch (code) {
                    case "honeypot" -> {
                        soft.assertThat(match.params().get("kind")).as(symbol).isEqualTo(behaviour.path("kind").stringValue());
                        if (behaviour.has("exempt")) {
                            soft.assertThat(match.params().get("exempt")).as(symbol + " exempt")
                                    .isEqualTo(behaviour.path("exempt").valueStream().map(JsonNode::stringValue).toList());
                        }
                        if (behaviour.has("received_bps_max")) {
                            soft.assertThat(number(match, "received_bps_max")).as(symbol)
                                    .isLessThanOrEqualTo(behaviour.path("received_bps_max").asInt());
                        }
                    }
                    case "max_tx", "max_wallet" -> {
                        soft.assertThat(match.params().get("amount")).as(symbol + " " + code)
                                .isEqualTo(behaviour.path("amount").stringValue());
                        soft.assertThat(number(match, "bps_of_supply")).as(symbol + " " + code)
                                .isEqualTo(behaviour.path("bps_of_supply").asInt());
                        soft.assertThat(match.params().get("modifiable")).as(symbol + " " + code)
                                .isEqualTo(behaviour.path("modifiable").asBoolean());
                    }
                    case "trading_cooldown" -> soft.assertThat(number(match, "seconds")).as(symbol)
                            .isEqualTo(behaviour.path("seconds").asInt());
                    case "hidden_owner" -> {
                        soft.assertThat(match.params().get("location")).as(symbol)
                                .isEqualTo(behaviour.path("location").stringValue());
                        if (behaviour.has("slot")) {
                            soft.assertThat(number(match, "slot")).as(symbol).isEqualTo(behaviour.path("slot").asInt());
                        }
                        soft.assertThat(match.params().get("powers")).as(symbol + " powers")
                                .isEqualTo(behaviour.path("powers").valueStream().map(JsonNode::stringValue).toList());
                    }
                    case "fake_renounce" -> soft.assertThat(number(match, "slot")).as(symbol)
                            .isEqualTo(behaviour.path("slot").asInt());
                    case "tax_modifiable", "per_address_tax" -> {
                        if (behaviour.has("requires")) {
                            soft.assertThat(match.params().get("requires")).as(symbol)
                                    .isEqualTo(behaviour.path("requires").stringValue());
                        }
                        // No cap (null) lets the tax reach all of the amount; a setter found only in the second
                        // stage (after another call) keeps its cap unmeasured.
                        int cap = behaviour.path("max_bps").isNumber() ? behaviour.path("max_bps").asInt() : 10_000;
                        soft.assertThat(match.params().containsKey("max_bps")).as(symbol + " " + code + " max_bps")
                                .isEqualTo(!behaviour.has("requires"));
                        if (match.params().containsKey("max_bps")) {
                            soft.assertThat(Math.abs(number(match, "max_bps") - cap)).as(symbol + " " + code
                                    + " max_bps " + match.params().get("max_bps")).isLessThanOrEqualTo(CAP_TOLERANCE_BPS);
                        }
                    }
                    case "balance_rewrite" -> soft.assertThat(match.params().get("kind")).as(symbol)
                            .isEqualTo(behaviour.path("kind").stringValue());
                    case "upgradeable_proxy" -> {
                        soft.assertThat(match.params().get("implementation")).as(symbol)
                                .isEqualTo(behaviour.path("implementation").stringValue());
                        soft.assertThat(match.params().get("admin")).as(symbol)
                                .isEqualTo(behaviour.path("admin").stringValue());
                        soft.assertThat(match.params().get("admin_owner")).as(symbol)
                                .isEqualTo(behaviour.path("admin_owner").stringValue());
                    }
                    case "minimal_proxy" -> soft.assertThat(match.params().get("implementation")).as(symbol)
                            .isEqualTo(behaviour.path("implementation").stringValue());
                    case "same_bytecode_as" -> soft.assertThat(String.valueOf(match.params().get("address")))
                            .as(symbol + " same_bytecode_as").isEqualToIgnoringCase(behaviour.path("address").stringValue());
                    default -> {
                    }
                }
            }
            List<String> forbidden = token.path("mustNotReport").valueStream().map(JsonNode::stringValue).toList();
            soft.assertThat(facts.signals().stream().map(Signal::code).filter(forbidden::contains).toList())
                    .as(symbol + " reported codes its manifest forbids").isEmpty();
        });
        if (token.path("trusted").asBoolean(false) || token.path("key").stringValue().startsWith("clean")) {
            // The clean and trusted tokens: their capabilities are real, but nothing is evidence against them.
            assertThat(facts.signals().stream().filter(s -> s.kind().equals(Signal.EVIDENCE)).map(Signal::code)
                    .toList()).as(symbol + " evidence signals").isEmpty();
        }
    }

    /** The signal for a manifest behaviour: same code, and the same selector (or target) when it names one. */
    private static Signal match(List<Signal> signals, JsonNode behaviour) {
        String code = behaviour.path("code").stringValue();
        for (Signal signal : signals) {
            if (!signal.code().equals(code)) {
                continue;
            }
            // The setter of a limit or cooldown is the selector too; a transfer hook names the hook's selector.
            String selector = code.equals("external_call_in_transfer") || !behaviour.has("selector") ? null
                    : behaviour.path("selector").stringValue();
            if (selector != null && !selector.equals(signal.params().get("selector"))) {
                continue;
            }
            if (behaviour.has("target") && !behaviour.path("target").stringValue()
                    .equalsIgnoreCase(String.valueOf(signal.params().get("target")))) {
                continue;
            }
            if (code.equals("hidden_owner") && !behaviour.path("address").stringValue()
                    .equalsIgnoreCase(String.valueOf(signal.params().get("address")))) {
                continue;
            }
            return signal;
        }
        return null;
    }

    private static Map<String, Integer> codes(List<?> items) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Object item : items) {
            String code = item instanceof Signal s ? s.code() : String.valueOf(item);
            counts.merge(code, 1, Integer::sum);
        }
        return counts;
    }

    private static String describe(List<Signal> signals) {
        List<String> text = new ArrayList<>();
        for (Signal signal : signals) {
            Map<String, Object> params = new HashMap<>(signal.params());
            params.remove("measured_after");
            text.add(signal.code() + params);
        }
        return text.toString();
    }

    private static int number(Signal signal, String key) {
        Object value = signal.params().get(key);
        return value instanceof Number n ? n.intValue() : value == null ? Integer.MIN_VALUE
                : Integer.parseInt(String.valueOf(value));
    }

    private static String coverage(TokenFacts facts, String check) {
        return facts.coverage().stream().filter(c -> c.check().equals(check)).map(Coverage::status).findFirst()
                .orElse("absent");
    }
}
