package ai.kaizen.analysis.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/scoring.md shows the rules that run. When the rules or the catalogue change, regenerate the page's tables
 * with {@code -Dkaizen.scoring.docs.update=true} (this test then rewrites them) and review the diff.
 */
class ScoringDocumentationTests {

    private static final Path PAGE = Path.of("..", "docs", "scoring.md");

    @Test
    void theScoringPageShowsTheRulesAndCatalogueThatRun() throws IOException {
        ScoringRules rules = ScoringRules.defaults();
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("kaizen.scoring.docs.update")) {
            page = RulesDocumentation.replaceGenerated(page, "rules", RulesDocumentation.rulesSection(rules));
            page = RulesDocumentation.replaceGenerated(page, "catalogue", RulesDocumentation.catalogueSection(rules));
            Files.writeString(PAGE, page, StandardCharsets.UTF_8);
        }

        assertThat(RulesDocumentation.generated(page, "rules"))
                .as("docs/scoring.md rules tables; regenerate with -Dkaizen.scoring.docs.update=true")
                .isEqualTo(RulesDocumentation.rulesSection(rules));
        assertThat(RulesDocumentation.generated(page, "catalogue"))
                .as("docs/scoring.md finding catalogue; regenerate with -Dkaizen.scoring.docs.update=true")
                .isEqualTo(RulesDocumentation.catalogueSection(rules));
    }

    @Test
    void theWorkedExampleOnThePageIsWhatTheEngineSays() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);
        String example = page.substring(page.indexOf("```\n", page.indexOf("For example")) + 4);
        example = example.substring(0, example.indexOf("```"));

        ScoreResult result = ScoringEngine.score(new ScoringInput(Fixtures.UNKNOWN_TOKEN,
                java.util.List.of(Fixtures.mint()),
                Fixtures.fullCoverageExcept("evm.sell-simulation", CheckStatus.FAILED, "RPC timeout")),
                ScoringRules.defaults());

        assertThat(example).isEqualTo(String.join("\n", result.explanation()) + "\n");
    }

    @Test
    void everyCatalogueCodeAppearsOnThePage() throws IOException {
        String page = Files.readString(PAGE, StandardCharsets.UTF_8);

        for (FindingCode code : FindingCode.values()) {
            assertThat(page).contains("| `" + code.code() + "` |");
        }
    }

    @Test
    void theGeneratedCatalogueListsCostsFromTheRules() {
        String catalogue = RulesDocumentation.catalogueSection(ScoringRules.defaults());

        assertThat(catalogue).contains("| `KZ-EVM-HONEYPOT` | Cannot sell (honeypot) | technical | evidence | critical"
                + " | 100 (fixed); **caps the score at 30** |");
        assertThat(catalogue).contains("| `KZ-EVM-MINT` | Owner can mint | technical | capability | high"
                + " | 25; trusted token: × 0.25 |");
        assertThat(catalogue).contains("| `KZ-EVM-SELL-TAX` | Sell tax | economic | evidence | by measure | % ≥ 1: low 5;"
                + " ≥ 5: medium 12; ≥ 10: high 25; ≥ 30: critical 45; otherwise 0; **caps the score at 30** from 50 % |");
    }
}
