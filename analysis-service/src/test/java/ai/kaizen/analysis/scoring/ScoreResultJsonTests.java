package ai.kaizen.analysis.scoring;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of a score: Jackson 3 JSON that reads back to the same result and rescores to it. */
class ScoreResultJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aStoredResultHasTheDocumentedShapeAndReadsBackToTheSameScore() {
        ScoreResult result = Fixtures.score(Fixtures.USDT, Fixtures.blacklist(), Fixtures.sellTax(12.5));

        String stored = json.writeValueAsString(result);
        JsonNode tree = json.readTree(stored);
        List<String> keys = new ArrayList<>(tree.propertyNames());

        assertThat(keys).containsExactly("token", "kaizenScore", "riskLevel", "confidence", "dataQuality",
                "breakdown", "uncappedScore", "caps", "ceilings", "findings", "coverage", "alerts", "explanation",
                "trustedAs", "rulesVersion");
        assertThat(tree.get("breakdown").toString())
                .isEqualTo("{\"technical\":94,\"economic\":75,\"social\":100,\"governance\":100}");
        JsonNode tax = tree.get("findings").get(0);
        assertThat(tax.get("code").asString()).isEqualTo("KZ-EVM-SELL-TAX");
        assertThat(tax.get("severity").asString()).isEqualTo("HIGH");
        assertThat(tax.get("measure").asDouble()).isEqualTo(12.5);
        assertThat(tax.get("impact").asInt()).isEqualTo(25);

        ScoreResult read = json.readValue(stored, ScoreResult.class);
        assertThat(read).isEqualTo(result);
        assertThat(ScoringEngine.rescore(read, ScoringRules.defaults())).isEqualTo(result);
    }
}
