package ai.kaizen.analysis.facts;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.ScoreResult;
import ai.kaizen.analysis.scoring.ScoringEngine;
import ai.kaizen.analysis.scoring.ScoringInput;
import ai.kaizen.analysis.scoring.ScoringRules;
import ai.kaizen.analysis.scoring.TokenRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping against the devnet manifest: with data-service reporting exactly the manifest's behaviours, every
 * behaviour shows up as a finding attributed to it, no behaviour the manifest forbids does, and the score lands in
 * the manifest's acceptable risk levels.
 */
class ZooMappingTests {

    static Stream<String> tokens() throws IOException {
        return DevnetZoo.tokens().stream().map(t -> t.path("key").asString());
    }

    static JsonNode token(String key) throws IOException {
        return DevnetZoo.tokens().stream().filter(t -> t.path("key").asString().equals(key)).findFirst().orElseThrow();
    }

    static ScoreResult score(JsonNode token, MappedFacts mapped, ScoringRules rules) {
        return ScoringEngine.score(new ScoringInput(new TokenRef("devnet", token.path("address").asString()),
                mapped.findings(), mapped.coverage()), rules);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void everyBehaviourBecomesAFindingAndNothingForbiddenIsReported(String key) throws IOException {
        JsonNode token = token(key);
        MappedFacts mapped = new FactsMapping(DevnetZoo.rules()).map(new TokenFactsView(DevnetZoo.facts(token)));

        Set<String> reported = new HashSet<>();
        for (Finding finding : mapped.findings()) {
            String signal = mapped.signalOf(finding);
            if (signal != null) {
                reported.add(signal);
            }
        }
        for (JsonNode behaviour : token.path("behaviours").values()) {
            assertThat(reported).as("%s: behaviour %s", key, behaviour.path("code").asString())
                    .contains(behaviour.path("code").asString());
        }
        for (JsonNode forbidden : token.path("mustNotReport").values()) {
            assertThat(reported).as("%s must not report %s", key, forbidden.asString())
                    .doesNotContain(forbidden.asString());
        }
        assertThat(mapped.unknownSignals()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void theScoreIsAmongTheManifestsAcceptableRiskLevels(String key) throws IOException {
        JsonNode token = token(key);
        ScoringRules rules = DevnetZoo.rules();
        ScoreResult result = score(token, new FactsMapping(rules).map(new TokenFactsView(DevnetZoo.facts(token))), rules);

        List<String> acceptable = new ArrayList<>();
        token.path("acceptableRisks").values().forEach(level -> acceptable.add(level.asString()));
        assertThat(result.riskLevel()).as("%s (%s) scored %d: %s", key, token.path("symbol").asString(),
                result.kaizenScore(), String.join(" | ", result.explanation())).isIn(acceptable);
    }

    @Test
    void theTrustedUsdtLikeTokenKeepsEveryCapabilityListedButSoftened() throws IOException {
        JsonNode usdt = token("trusted_usdt_like_v05");
        ScoringRules rules = DevnetZoo.rules();
        ScoreResult result = score(usdt, new FactsMapping(rules).map(new TokenFactsView(DevnetZoo.facts(usdt))), rules);

        assertThat(result.trustedAs()).isEqualTo("Tether USD");
        assertThat(result.riskLevel()).isEqualTo("Low Risk");
        assertThat(result.findings()).extracting(Finding::code).contains("KZ-EVM-BLACKLIST", "KZ-EVM-PAUSABLE",
                "KZ-EVM-MINT", "KZ-EVM-TAX-MODIFIABLE", "KZ-EVM-UPGRADEABLE-PROXY", "KZ-LIQ-LP-UNLOCKED");
        assertThat(result.findings()).filteredOn(f -> f.impact() > 0)
                .allSatisfy(f -> assertThat(f.softenedBy()).isEqualTo("Tether USD"));
    }
}
