package ai.kaizen.analysis.scoring;

import java.util.List;
import java.util.Objects;

/**
 * Everything the engine needs: the token, what was found, and which checks ran.
 *
 * @param token    the token scored (for the trust list)
 * @param findings the findings; {@code impact} and {@code softenedBy} are ignored and recomputed
 * @param coverage every check the analysis planned, with its status
 */
public record ScoringInput(TokenRef token, List<Finding> findings, List<CoverageCheck> coverage) {

    public ScoringInput {
        Objects.requireNonNull(token, "token");
        findings = findings == null ? List.of() : List.copyOf(findings);
        coverage = coverage == null ? List.of() : List.copyOf(coverage);
    }
}
