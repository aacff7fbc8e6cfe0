package ai.kaizen.analysis.scoring;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One check of an analysis and what became of it.
 *
 * @param id     stable check id, e.g. {@code evm.sell-simulation}
 * @param pillar the pillar the check informs
 * @param status ran, skipped, failed or not applicable
 * @param reason why it did not run (null when it ran)
 * @param weight how much of its pillar's evidence this check carries, relative to the pillar's other checks (≥ 0)
 */
public record CoverageCheck(String id, Pillar pillar, CheckStatus status, @Nullable String reason, double weight) {

    public CoverageCheck {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(status, "status");
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight of check " + id + " must be a finite number ≥ 0");
        }
    }

    public static CoverageCheck ran(String id, Pillar pillar, double weight) {
        return new CoverageCheck(id, pillar, CheckStatus.RAN, null, weight);
    }

    public static CoverageCheck skipped(String id, Pillar pillar, String reason, double weight) {
        return new CoverageCheck(id, pillar, CheckStatus.SKIPPED, reason, weight);
    }

    public static CoverageCheck failed(String id, Pillar pillar, String reason, double weight) {
        return new CoverageCheck(id, pillar, CheckStatus.FAILED, reason, weight);
    }

    public static CoverageCheck notApplicable(String id, Pillar pillar, String reason, double weight) {
        return new CoverageCheck(id, pillar, CheckStatus.NOT_APPLICABLE, reason, weight);
    }

    public CoverageCheck withStatus(CheckStatus newStatus, @Nullable String newReason) {
        return new CoverageCheck(id, pillar, newStatus, newReason, weight);
    }

    /** Counts towards what should have been known (everything but not-applicable). */
    boolean applicable() {
        return status != CheckStatus.NOT_APPLICABLE;
    }
}
