package ai.kaizen.analysis.jobs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored job.
 *
 * @param kind   batch or comprehensive
 * @param status queued, running, completed or failed
 */
public record Job(UUID id, UUID userId, @Nullable UUID batchId, String kind, String network, String contractAddress,
                  String depth, String status, @Nullable UUID analysisId, @Nullable String error, int attempts,
                  Instant createdAt, Instant updatedAt, @Nullable Instant completedAt) {

    public static final String BATCH = "batch";
    public static final String COMPREHENSIVE = "comprehensive";
}
