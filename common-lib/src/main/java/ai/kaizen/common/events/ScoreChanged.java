package ai.kaizen.common.events;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.common.messaging.EventType;

/**
 * A token's Kaizen score moved by more than 10 points from its previous analysis (published with the
 * {@link AnalysisCompleted} of the analysis that moved it).
 *
 * @param network            network name
 * @param contractAddress    canonical address
 * @param oldScore           the previous score
 * @param newScore           the new score
 * @param delta              {@code newScore - oldScore} (negative: the token got riskier)
 * @param oldRiskLevel       the previous risk level
 * @param newRiskLevel       the new risk level
 * @param analysisId         the analysis with the new score
 * @param previousAnalysisId the analysis with the old score
 * @param changedAt          when the new score was computed
 */
@EventType("analysis.score-changed")
public record ScoreChanged(
        String network,
        String contractAddress,
        int oldScore,
        int newScore,
        int delta,
        String oldRiskLevel,
        String newRiskLevel,
        UUID analysisId,
        UUID previousAnalysisId,
        Instant changedAt) {
}
