package ai.kaizen.system;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every devnet zoo token analysed through the gateway by the real services on the real chain.
 * What each token must score comes from the devnet manifest, never from re-running the engine.
 */
class ZooAnalysisSystemTests {

    private static String token;

    @BeforeAll
    static void account() {
        token = Gateway.register().path("accessToken").asString();
    }

    static Stream<JsonNode> zoo() throws Exception {
        Path manifest = Path.of(System.getenv().getOrDefault("KAIZEN_SYSTEM_DEVNET_MANIFEST", "../devnet/manifest.json"));
        JsonNode tokens = Gateway.JSON.readTree(Files.readString(manifest)).path("tokens");
        List<JsonNode> all = new ArrayList<>();
        tokens.forEach(all::add);
        return all.stream();
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("zoo")
    void eachTokenScoresTheRiskItsBehaviourWarrants(JsonNode entry) {
        String address = entry.path("address").asString();
        HttpResponse<String> response = Gateway.post("/api/analysis/analyze",
                Map.of("contractAddress", address, "network", "devnet", "depth", "standard"), token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode analysis = Gateway.json(response);

        List<String> acceptable = new ArrayList<>();
        entry.path("acceptableRisks").forEach(level -> acceptable.add(level.asString()));
        assertThat(analysis.path("riskLevel").asString())
                .as("%s (%s): %s", entry.path("symbol").asString(), behaviours(entry), analysis.path("findings"))
                .isIn(acceptable);
        assertThat(analysis.path("contractAddress").asString()).isEqualTo(address);
        assertThat(analysis.path("kaizenScore").asInt()).isBetween(0, 100);

        List<String> codes = behaviours(entry);
        if (codes.contains("honeypot")) {
            JsonNode honeypot = finding(analysis, "KZ-EVM-HONEYPOT");
            assertThat(honeypot).as("the failed sell is reported as evidence").isNotNull();
            assertThat(honeypot.path("kind").asString()).isEqualToIgnoringCase("evidence");
            assertThat(honeypot.path("evidence").isEmpty()).isFalse();
            assertThat(analysis.path("riskLevel").asString()).isEqualTo("Very High Risk");
        } else {
            assertThat(finding(analysis, "KZ-EVM-HONEYPOT")).as("no honeypot on a token that sells").isNull();
        }
        if (entry.path("trusted").asBoolean()) {
            assertThat(analysis.path("riskLevel").asString()).as("a trusted token is not called a scam")
                    .isNotEqualTo("Very High Risk");
        }
        for (String behaviour : codes) {
            String expected = FINDING_OF.get(behaviour);
            if (expected != null) {
                // Its own finding, or one the engine explicitly derived from that signal (e.g. a balance rewrite that
                // only reaches blacklisted holders is reported as part of the blacklist).
                JsonNode f = finding(analysis, expected) != null ? finding(analysis, expected) : fromSignal(analysis, behaviour);
                assertThat(f).as("%s: behaviour %s must appear as %s, findings were %s", entry.path("symbol").asString(),
                        behaviour, expected, analysis.path("findings")).isNotNull();
                assertThat(f.path("evidence").isEmpty()).as("%s carries its evidence", expected).isFalse();
            }
        }
        for (JsonNode notReported : entry.path("mustNotReport")) {
            String forbidden = FINDING_OF.get(notReported.asString());
            if (forbidden != null && !codes.contains(notReported.asString())) {
                assertThat(finding(analysis, forbidden)).as("%s must not report %s", entry.path("symbol").asString(),
                        forbidden).isNull();
            }
        }
    }

    /** The finding each devnet behaviour must surface as (SPEC.md §4), written independently of the engine's mapping. */
    private static final Map<String, String> FINDING_OF = Map.ofEntries(
            Map.entry("honeypot", "KZ-EVM-HONEYPOT"),
            Map.entry("buy_tax", "KZ-EVM-BUY-TAX"),
            Map.entry("sell_tax", "KZ-EVM-SELL-TAX"),
            Map.entry("transfer_tax", "KZ-EVM-TRANSFER-TAX"),
            Map.entry("tax_modifiable", "KZ-EVM-TAX-MODIFIABLE"),
            Map.entry("per_address_tax", "KZ-EVM-PER-ADDRESS-TAX"),
            Map.entry("max_tx", "KZ-EVM-MAX-TX"),
            Map.entry("max_wallet", "KZ-EVM-MAX-WALLET"),
            Map.entry("trading_cooldown", "KZ-EVM-COOLDOWN"),
            Map.entry("pausable", "KZ-EVM-PAUSABLE"),
            Map.entry("trading_not_enabled", "KZ-EVM-TRADING-NOT-ENABLED"),
            Map.entry("blacklist", "KZ-EVM-BLACKLIST"),
            Map.entry("mint", "KZ-EVM-MINT"),
            Map.entry("hidden_mint", "KZ-EVM-HIDDEN-MINT"),
            Map.entry("mint_after_launch", "KZ-EVM-POST-LAUNCH-MINT"),
            Map.entry("balance_rewrite", "KZ-EVM-BALANCE-CONTROL"),
            Map.entry("siphoned_holder", "KZ-EVM-SIPHONED-HOLDER"),
            Map.entry("ownership_renounced", "KZ-EVM-OWNER-RENOUNCED"),
            Map.entry("fake_renounce", "KZ-EVM-OWNERSHIP-RECLAIMABLE"),
            Map.entry("hidden_owner", "KZ-EVM-HIDDEN-OWNER"),
            Map.entry("upgradeable_proxy", "KZ-EVM-UPGRADEABLE-PROXY"),
            Map.entry("minimal_proxy", "KZ-EVM-MINIMAL-PROXY"),
            Map.entry("selfdestruct", "KZ-EVM-SELFDESTRUCT"),
            Map.entry("external_call_in_transfer", "KZ-EVM-EXTERNAL-CALL-IN-TRANSFER"),
            Map.entry("lp_burned", "KZ-LIQ-LP-BURNED"),
            Map.entry("lp_locked", "KZ-LIQ-LP-LOCKED"),
            Map.entry("lp_unlocked", "KZ-LIQ-LP-UNLOCKED"),
            Map.entry("concentrated_holders", "KZ-HOLDERS-CONCENTRATED"));

    private static List<String> behaviours(JsonNode entry) {
        List<String> codes = new ArrayList<>();
        entry.path("behaviours").forEach(b -> codes.add(b.path("code").asString()));
        return codes;
    }

    private static JsonNode fromSignal(JsonNode analysis, String signal) {
        for (JsonNode f : analysis.path("findings")) {
            if (signal.equals(f.path("signal").asString())) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode finding(JsonNode analysis, String code) {
        for (JsonNode f : analysis.path("findings")) {
            if (code.equals(f.path("code").asString())) {
                return f;
            }
        }
        return null;
    }
}
