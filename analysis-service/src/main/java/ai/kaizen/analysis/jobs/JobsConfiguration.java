package ai.kaizen.analysis.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ai.kaizen.analysis.analyze.AnalysisService;
import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.common.messaging.EventSubscription;
import ai.kaizen.common.messaging.MessagingProperties;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.common.messaging.Queues;
import ai.kaizen.common.messaging.cleanup.CleanupTask;
import ai.kaizen.common.messaging.cleanup.SqlRetentionCleanup;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

    @Bean
    JobStore jobStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, Clock clock) {
        return new JobStore(jdbc, transactions, outbox, clock);
    }

    @Bean
    AnalysisService.ComprehensiveJobs comprehensiveJobs(JobStore jobs) {
        return (owner, token) -> jobs.queue(owner, null, Job.COMPREHENSIVE,
                List.of(new JobStore.Request(token, Depth.COMPREHENSIVE))).getFirst();
    }

    /** Finished jobs are kept for their owners to read, then removed by the cleanup queue (default 30 days). */
    @Bean
    CleanupTask finishedJobsCleanup(JdbcTemplate jdbc, Clock clock,
                                    @Value("${kaizen.analysis.jobs.retention:30d}") Duration retention) {
        return new SqlRetentionCleanup("analysis-jobs", jdbc, "DELETE FROM analysis_jobs WHERE id IN (SELECT id FROM "
                + "analysis_jobs WHERE completed_at < ? LIMIT 5000)", retention, 5000, clock);
    }

    @Bean
    EventSubscription<AnalysisJobRequested> analysisJobSubscription(JobStore jobs, AnalysisService analyses,
                                                                    Outbox outbox, Clock clock,
                                                                    MessagingProperties messaging) {
        JobWorker worker = new JobWorker(jobs, analyses, outbox, clock, messaging.maxDeliveries());
        return EventSubscription.of(Queues.ANALYSIS, AnalysisJobRequested.class, worker::handle);
    }
}
