package ai.kaizen.analysis.scoring;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of scoring: the score, why it is what it is, and everything needed to compute it again.
 *
 * @param token         the token scored
 * @param kaizenScore   0–100, higher is safer, after caps
 * @param riskLevel     {@code Low Risk}, {@code Moderate Risk}, {@code High Risk} or {@code Very High Risk}
 * @param confidence    0–1: the pillar-weighted share of check weight that ran
 * @param dataQuality   0–1: the share of all applicable check weight that ran
 * @param breakdown     the four pillar scores as combined (after the unknown-pillar rule)
 * @param uncappedScore the weighted score before caps
 * @param caps          hard-evidence caps that applied (empty when none did)
 * @param ceilings      severity ceilings that applied: the worst unsoftened findings (empty when none did)
 * @param findings      every finding with severity graded and {@code impact} / {@code softenedBy} filled, costliest first
 * @param coverage      every check, in a stable order
 * @param alerts        alerts derived from caps, findings and checks that did not run
 * @param explanation   lines that add up exactly to the score
 * @param trustedAs     the trust-list entry of the token, if it is on the list
 * @param rulesVersion  {@link ScoringRules#version()} of the rules used
 */
public record ScoreResult(
        TokenRef token,
        int kaizenScore,
        String riskLevel,
        double confidence,
        double dataQuality,
        Breakdown breakdown,
        int uncappedScore,
        List<AppliedCap> caps,
        List<AppliedCap> ceilings,
        List<Finding> findings,
        List<CoverageCheck> coverage,
        List<Alert> alerts,
        List<String> explanation,
        @Nullable String trustedAs,
        String rulesVersion) {

    public ScoreResult {
        caps = List.copyOf(caps);
        ceilings = List.copyOf(ceilings);
        findings = List.copyOf(findings);
        coverage = List.copyOf(coverage);
        alerts = List.copyOf(alerts);
        explanation = List.copyOf(explanation);
    }

    /** What was scored, as stored: enough to {@link ScoringEngine#rescore(ScoreResult, ScoringRules) rescore}. */
    public ScoringInput input() {
        return new ScoringInput(token, findings, coverage);
    }
}
