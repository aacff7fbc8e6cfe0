package ai.kaizen.common.messaging;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the messaging backbone ({@code kaizen.messaging.*}).
 *
 * @param enabled              switches the whole backbone off when false
 * @param serviceName          producer name and consumer group; defaults to {@code spring.application.name}
 * @param maxDeliveries        deliveries of one entry before it goes to the dead-letter stream
 * @param backoff              wait between a failed delivery and the next
 * @param claimIdleTimeout     how long an entry may sit unacknowledged with a consumer before another
 *                             consumer claims it (XAUTOCLAIM); keep it above {@code backoff.max}
 * @param claimInterval        how often each consumer looks for such entries
 * @param staleConsumerTimeout idle time after which a consumer with nothing pending is removed from its group
 * @param maxLen               approximate MAXLEN each XADD trims its stream to
 * @param batchSize            most entries one XREADGROUP returns per stream
 * @param blockTime            how long one XREADGROUP waits for new entries
 * @param maxInFlight          transactions in flight per process across all its streams (0 = the sum of
 *                             the streams' concurrency); when it binds, higher-priority streams win
 * @param commandTimeout       timeout of a single Redis command
 * @param metricsInterval      how often lag, pending and length gauges are refreshed
 * @param outbox               the transactional outbox relay
 * @param scheduler            delayed and recurring jobs
 * @param cleanup              the cleanup jobs of this service
 */
@ConfigurationProperties("kaizen.messaging")
public record MessagingProperties(
        @DefaultValue("true") boolean enabled,
        @Nullable String serviceName,
        @DefaultValue("5") int maxDeliveries,
        @DefaultValue Backoff backoff,
        @DefaultValue("2m") Duration claimIdleTimeout,
        @DefaultValue("30s") Duration claimInterval,
        @DefaultValue("1h") Duration staleConsumerTimeout,
        @DefaultValue("100000") long maxLen,
        @DefaultValue("100") int batchSize,
        @DefaultValue("2s") Duration blockTime,
        @DefaultValue("0") int maxInFlight,
        @DefaultValue("10s") Duration commandTimeout,
        @DefaultValue("10s") Duration metricsInterval,
        @DefaultValue Outbox outbox,
        @DefaultValue Scheduler scheduler,
        @DefaultValue Cleanup cleanup) {

    public MessagingProperties {
        if (maxDeliveries < 1) {
            throw new IllegalArgumentException("kaizen.messaging.max-deliveries must be 1 or more");
        }
        if (batchSize < 1 || maxLen < 1) {
            throw new IllegalArgumentException("kaizen.messaging.batch-size and max-len must be 1 or more");
        }
    }

    /**
     * @param base       first wait
     * @param max        longest wait
     * @param multiplier growth per failed delivery
     * @param jitter     ± fraction of randomness
     */
    public record Backoff(@DefaultValue("1s") Duration base, @DefaultValue("60s") Duration max,
                          @DefaultValue("2.0") double multiplier, @DefaultValue("0.2") double jitter) {

        public BackoffPolicy policy() {
            return new BackoffPolicy(base, max, multiplier, jitter);
        }
    }

    /**
     * @param relayEnabled     run the relay in this process
     * @param pollInterval     how often the relay looks for unsent rows when not woken by a commit
     * @param batchSize        rows per relay transaction
     * @param sentRetention    how long sent rows are kept (they are re-published after a Redis restart)
     * @param republishWindow  rows sent this recently are re-published when Redis comes back empty
     */
    public record Outbox(@DefaultValue("true") boolean relayEnabled, @DefaultValue("250ms") Duration pollInterval,
                         @DefaultValue("500") int batchSize, @DefaultValue("7d") Duration sentRetention,
                         @DefaultValue("1h") Duration republishWindow) {
    }

    /**
     * @param enabled      fire due jobs in this process
     * @param pollInterval how often due jobs are looked for
     * @param batchSize    due jobs per transaction
     */
    public record Scheduler(@DefaultValue("true") boolean enabled, @DefaultValue("1s") Duration pollInterval,
                            @DefaultValue("100") int batchSize) {
    }

    /**
     * @param enabled                  consume the cleanup queue and schedule this service's cleanup tasks
     * @param cron                     when the cleanup tasks run (6 fields, UTC)
     * @param processedEventRetention  how long idempotency records are kept
     * @param cachePatterns            Redis key patterns whose keys without a TTL are removed ("expired-cache")
     * @param tempDirectory            directory whose old files are removed ("temp-files")
     * @param tempFileRetention        age after which temp files go
     */
    public record Cleanup(@DefaultValue("true") boolean enabled, @DefaultValue("0 17 3 * * *") String cron,
                          @DefaultValue("14d") Duration processedEventRetention,
                          @Nullable List<String> cachePatterns, @Nullable String tempDirectory,
                          @DefaultValue("1d") Duration tempFileRetention) {

        public List<String> cachePatternsOrEmpty() {
            return cachePatterns == null ? List.of() : cachePatterns;
        }
    }

    /** The defaults, for code outside Spring (tests, the benchmark). */
    public static MessagingProperties defaults(String serviceName) {
        return new MessagingProperties(true, serviceName, 5,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2),
                Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofHours(1), 100_000, 100,
                Duration.ofSeconds(2), 0, Duration.ofSeconds(10), Duration.ofSeconds(10),
                new Outbox(true, Duration.ofMillis(250), 500, Duration.ofDays(7), Duration.ofHours(1)),
                new Scheduler(true, Duration.ofSeconds(1), 100),
                new Cleanup(true, "0 17 3 * * *", Duration.ofDays(14), null, null, Duration.ofDays(1)));
    }

    /** The service name, falling back to the given application name. */
    public String serviceNameOr(String applicationName) {
        return serviceName == null || serviceName.isBlank() ? applicationName : serviceName;
    }

    public String requiredServiceName() {
        if (serviceName == null || serviceName.isBlank()) {
            throw new IllegalStateException("kaizen.messaging.service-name (or spring.application.name) is required");
        }
        return serviceName;
    }

    public MessagingProperties withServiceName(String name) {
        return new MessagingProperties(enabled, name, maxDeliveries, backoff, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, metricsInterval,
                outbox, scheduler, cleanup);
    }

    public MessagingProperties withRetries(int deliveries, Backoff policy) {
        return new MessagingProperties(enabled, serviceName, deliveries, policy, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, metricsInterval,
                outbox, scheduler, cleanup);
    }

    public MessagingProperties withClaiming(Duration idleTimeout, Duration interval, Duration staleTimeout) {
        return new MessagingProperties(enabled, serviceName, maxDeliveries, backoff, idleTimeout, interval,
                staleTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, metricsInterval,
                outbox, scheduler, cleanup);
    }

    public MessagingProperties withReading(int entries, Duration block, int inFlight) {
        return new MessagingProperties(enabled, serviceName, maxDeliveries, backoff, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, entries, block, inFlight, commandTimeout, metricsInterval,
                outbox, scheduler, cleanup);
    }

    public MessagingProperties withOutbox(Outbox relay) {
        return new MessagingProperties(enabled, serviceName, maxDeliveries, backoff, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, metricsInterval,
                relay, scheduler, cleanup);
    }

    public MessagingProperties withScheduler(Scheduler jobs) {
        return new MessagingProperties(enabled, serviceName, maxDeliveries, backoff, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, metricsInterval,
                outbox, jobs, cleanup);
    }

    public MessagingProperties withMetricsInterval(Duration interval) {
        return new MessagingProperties(enabled, serviceName, maxDeliveries, backoff, claimIdleTimeout, claimInterval,
                staleConsumerTimeout, maxLen, batchSize, blockTime, maxInFlight, commandTimeout, interval,
                outbox, scheduler, cleanup);
    }
}
