package ai.kaizen.analysis.jobs;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.analysis.analyze.AnalysisProblem;
import ai.kaizen.analysis.analyze.AnalysisService;
import ai.kaizen.analysis.analyze.AnalysisSummary;
import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.analysis.analyze.TokenId;
import ai.kaizen.analysis.upstream.Credential;
import ai.kaizen.common.events.AnalysisEvents;
import ai.kaizen.common.events.AnalysisUpdate;
import ai.kaizen.common.events.PillarScores;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.common.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job per {@link AnalysisJobRequested}, inside the consumer's transaction: the analysis itself is stored in
 * its own transaction (it stands even if this one rolls back), then the job is marked and {@code analysis.update}
 * added to the outbox, committed together. An upstream outage is retried with the queue's backoff; on the last
 * delivery, or for a request that can never succeed (no contract code, unsupported network), the job fails and says
 * why.
 */
final class JobWorker {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobStore jobs;
    private final AnalysisService analyses;
    private final Outbox outbox;
    private final Clock clock;
    private final int maxDeliveries;

    JobWorker(JobStore jobs, AnalysisService analyses, Outbox outbox, Clock clock, int maxDeliveries) {
        this.jobs = jobs;
        this.analyses = analyses;
        this.outbox = outbox;
        this.clock = clock;
        this.maxDeliveries = maxDeliveries;
    }

    void handle(ReceivedEvent<AnalysisJobRequested> event) {
        UUID id = event.payload().jobId();
        Optional<Job> started = jobs.start(id);
        if (started.isEmpty()) {
            log.debug("Job {} is unknown or already finished; nothing to do", id);
            return;
        }
        Job job = started.get();
        TokenId token = new TokenId(job.network(), job.contractAddress());
        boolean comprehensive = Job.COMPREHENSIVE.equals(job.kind());
        Depth depth = comprehensive ? Depth.COMPREHENSIVE : Depth.parse(job.depth());
        AnalysisService.Trigger trigger = comprehensive ? AnalysisService.Trigger.COMPREHENSIVE
                : AnalysisService.Trigger.BATCH;
        try {
            AnalysisService.Answer answer = analyses.analyze(token, depth,
                    new AnalysisService.Caller(job.userId(), Credential.SERVICE), trigger, job.id());
            AnalysisSummary summary = answer.summary();
            jobs.complete(id, summary.analysisId());
            outbox.add(AnalysisEvents.STREAM.key(), AnalysisEvents.key(token.network(), token.address()),
                    new AnalysisUpdate(id, job.userId(), token.network(), token.address(), depth.label(), "completed",
                            summary.analysisId(), summary.kaizenScore(), summary.riskLevel(), summary.confidence(),
                            new PillarScores(summary.breakdown().technical(), summary.breakdown().economic(),
                                    summary.breakdown().social(), summary.breakdown().governance()),
                            null, clock.instant()));
        } catch (RuntimeException e) {
            boolean permanent = e instanceof AnalysisProblem problem && problem.status() < 500;
            if (!permanent && event.deliveries() < maxDeliveries) {
                log.warn("Job {} ({} {}) failed on delivery {} of {}; retried: {}", id, token, depth.label(),
                        event.deliveries(), maxDeliveries, e.getMessage());
                throw e;
            }
            String reason = e instanceof AnalysisProblem problem ? problem.title() + ": " + problem.getMessage()
                    : "internal error (" + e.getClass().getSimpleName() + "); it has been logged";
            if (!(e instanceof AnalysisProblem)) {
                log.error("Job {} failed", id, e);
            }
            jobs.fail(id, reason);
            outbox.add(AnalysisEvents.STREAM.key(), AnalysisEvents.key(token.network(), token.address()),
                    new AnalysisUpdate(id, job.userId(), token.network(), token.address(), depth.label(), "failed",
                            null, null, null, null, null, reason, clock.instant()));
        }
    }
}
