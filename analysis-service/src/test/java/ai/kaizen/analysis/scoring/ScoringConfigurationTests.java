package ai.kaizen.analysis.scoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** kaizen.scoring.* reaches the engine: built-in rules by default, a replacement file, extra trusted tokens. */
class ScoringConfigurationTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ScoringConfiguration.class);

    @Test
    void withoutConfigurationTheEngineUsesTheBuiltInRules() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean(ScoringEngine.class).rules()).isEqualTo(ScoringRules.defaults());
        });
    }

    @Test
    void extraTrustedTokensFromConfigurationSoftenCapabilities() {
        context.withPropertyValues(
                        "kaizen.scoring.trusted-tokens[0].network=devnet",
                        "kaizen.scoring.trusted-tokens[0].address=0x5FbDB2315678afecb367f032d93F642f64180aa3",
                        "kaizen.scoring.trusted-tokens[0].name=Devnet USD (dUSD)")
                .run(ctx -> {
                    ScoringEngine engine = ctx.getBean(ScoringEngine.class);
                    ScoreResult result = engine.score(new ScoringInput(
                            new TokenRef("devnet", "0x5fbdb2315678afecb367f032d93f642f64180aa3"),
                            java.util.List.of(Fixtures.mint()), Fixtures.fullCoverage()));

                    assertThat(result.trustedAs()).isEqualTo("Devnet USD (dUSD)");
                    assertThat(result.findings().getFirst().impact()).isEqualTo(6);
                    assertThat(result.rulesVersion()).isNotEqualTo(ScoringRules.defaults().version());
                });
    }

    @Test
    void aRulesFileReplacesTheBuiltInRules(@TempDir Path dir) throws IOException {
        String builtIn;
        try (var in = ScoringRules.class.getResourceAsStream("scoring-rules.yml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("rules.yml"), builtIn.replace("HIGH: 25", "HIGH: 30"));

        context.withPropertyValues("kaizen.scoring.rules=file:" + file)
                .run(ctx -> assertThat(ctx.getBean(ScoringRules.class).severityPoints().get(Severity.HIGH))
                        .isEqualTo(30));
    }

    @Test
    void aBrokenRulesFileStopsTheServiceFromStarting(@TempDir Path dir) throws IOException {
        String builtIn;
        try (var in = ScoringRules.class.getResourceAsStream("scoring-rules.yml")) {
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path file = Files.writeString(dir.resolve("rules.yml"), builtIn.replace("  SOCIAL: 0.15\n", ""));

        context.withPropertyValues("kaizen.scoring.rules=file:" + file)
                .run(ctx -> assertThat(ctx).getFailure().rootCause()
                        .hasMessageContaining("weights: SOCIAL needs a weight"));
    }
}
