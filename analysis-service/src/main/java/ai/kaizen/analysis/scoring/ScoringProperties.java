package ai.kaizen.analysis.scoring;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * {@code kaizen.scoring.*}: where the rules come from and which extra tokens are trusted.
 *
 * @param rules         a YAML file of the shape of {@code scoring-rules.yml} replacing the built-in rules
 *                      (env {@code KAIZEN_SCORING_RULES}); unset: the built-in rules
 * @param trustedTokens tokens added to the rules' trust list (e.g. the devnet's stablecoin and wrapped native)
 */
@ConfigurationProperties("kaizen.scoring")
public record ScoringProperties(@Nullable Resource rules,
                                @DefaultValue List<ScoringRules.TrustedToken> trustedTokens) {
}
