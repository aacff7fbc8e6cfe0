package ai.kaizen.common.events;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.common.messaging.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An analysis job finished (the seed's {@code analysis_update}): the background part of a comprehensive
 * analysis or one contract of a batch. chat-service pushes it to the owner's sockets; the full result is at
 * {@code GET /api/analysis/jobs/{jobId}} (owner only).
 *
 * @param jobId           the job
 * @param userId          the job's owner
 * @param network         network name
 * @param contractAddress canonical address
 * @param depth           the depth analysed
 * @param status          {@code completed} or {@code failed}
 * @param analysisId      the analysis the job produced or reused (null when it failed)
 * @param kaizenScore     null when it failed
 * @param riskLevel       null when it failed
 * @param confidence      null when it failed
 * @param breakdown       null when it failed
 * @param error           what went wrong, null unless it failed
 * @param updatedAt       when the job finished
 */
@EventType("analysis.update")
public record AnalysisUpdate(
        UUID jobId,
        UUID userId,
        String network,
        String contractAddress,
        String depth,
        String status,
        @Nullable UUID analysisId,
        @Nullable Integer kaizenScore,
        @Nullable String riskLevel,
        @Nullable Double confidence,
        @Nullable PillarScores breakdown,
        @Nullable String error,
        Instant updatedAt) {
}
