package ai.kaizen.analysis.jobs;

import java.util.UUID;

import ai.kaizen.common.messaging.EventType;

/** A job to run, on {@code queue:analysis} (analysis-service's own queue; the row in analysis_jobs has the rest). */
@EventType("analysis.job-requested")
public record AnalysisJobRequested(UUID jobId) {
}
