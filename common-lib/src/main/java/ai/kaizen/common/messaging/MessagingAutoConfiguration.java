package ai.kaizen.common.messaging;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import ai.kaizen.common.messaging.cleanup.CleanupJobs;
import ai.kaizen.common.messaging.cleanup.CleanupRequest;
import ai.kaizen.common.messaging.cleanup.CleanupTask;
import ai.kaizen.common.messaging.cleanup.MessagingTablesCleanup;
import ai.kaizen.common.messaging.cleanup.RedisKeyCleanup;
import ai.kaizen.common.messaging.cleanup.TempFileCleanup;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires messaging into a service that has Spring Data Redis (Lettuce): publisher, consumer of every
 * {@link EventSubscription} bean, stream state and dead letters. With a JDBC DataSource it adds
 * idempotency, the transactional outbox and its relay, the job scheduler and the cleanup jobs.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@ConditionalOnClass({RedisClient.class, LettuceConnectionFactory.class, ClientResourcesBuilderCustomizer.class})
@ConditionalOnBean(LettuceConnectionFactory.class)
@ConditionalOnBooleanProperty(name = "kaizen.messaging.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MessagingAutoConfiguration.class);

    static MessagingProperties settings(MessagingProperties properties, Environment environment) {
        return properties.withServiceName(properties.serviceNameOr(
                environment.getProperty("spring.application.name", "kaizen-service")));
    }

    static MeterRegistry meters(ObjectProvider<MeterRegistry> registry) {
        return registry.getIfAvailable(SimpleMeterRegistry::new);
    }

    /** Reconnects within 5 s after a Redis restart instead of Lettuce's default backoff of up to 30 s. */
    @Bean
    ClientResourcesBuilderCustomizer kaizenRedisReconnect() {
        return builder -> builder.reconnectDelay(
                Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(5), 2, TimeUnit.MILLISECONDS));
    }

    @Bean
    @ConditionalOnMissingBean
    RedisStreams kaizenRedisStreams(LettuceConnectionFactory factory, MessagingProperties properties) {
        return new RedisStreams(() -> {
            AbstractRedisClient client = factory.getRequiredNativeClient();
            if (client instanceof RedisClient standalone) {
                return standalone;
            }
            throw new IllegalStateException("Kaizen messaging needs a standalone or Sentinel Redis; got "
                    + client.getClass().getSimpleName());
        }, properties.commandTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    Envelopes kaizenEnvelopes(MessagingProperties properties, Environment environment,
                              ObjectProvider<JsonMapper> json, ObjectProvider<TraceContext.Source> trace) {
        return new Envelopes(settings(properties, environment).requiredServiceName(),
                json.getIfAvailable(() -> JsonMapper.builder().build()),
                trace.getIfAvailable(() -> TraceContext::generate), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    EventPublisher kaizenEventPublisher(RedisStreams redis, Envelopes envelopes, MessagingProperties properties,
                                        ObjectProvider<MeterRegistry> registry) {
        return new EventPublisher(redis, envelopes, properties.maxLen(), meters(registry));
    }

    @Bean
    @ConditionalOnMissingBean
    StreamStates kaizenStreamStates(RedisStreams redis) {
        return new StreamStates(redis);
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetters kaizenDeadLetters(RedisStreams redis, MessagingProperties properties) {
        return new DeadLetters(redis, properties.maxLen());
    }

    @Bean
    @ConditionalOnMissingBean
    StreamConsumer kaizenStreamConsumer(RedisStreams redis, MessagingProperties properties, Environment environment,
                                        ObjectProvider<EventSubscription<?>> subscriptions,
                                        ObjectProvider<ProcessedEvents> processed, Envelopes envelopes,
                                        ObjectProvider<MeterRegistry> registry,
                                        ObjectProvider<StreamConsumer.Listener> listener) {
        List<EventSubscription<?>> all = subscriptions.orderedStream().toList();
        ProcessedEvents idempotency = processed.getIfAvailable();
        if (!all.isEmpty() && idempotency == null) {
            log.warn("No JDBC DataSource: events are consumed at least once without idempotency records; "
                    + "handlers must be idempotent themselves");
        }
        return new StreamConsumer(redis, settings(properties, environment), all, idempotency, envelopes,
                meters(registry), listener.getIfAvailable(() -> new StreamConsumer.Listener() {
                }), ThreadLocalRandom.current());
    }

    /** Uses the Micrometer tracer's current span for the traceparent of new events. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.tracing.Tracer")
    static class Tracing {

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(io.micrometer.tracing.Tracer.class)
        TraceContext.Source kaizenTraceContext(io.micrometer.tracing.Tracer tracer) {
            return new MicrometerTraceContext(tracer);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
    static class Jdbc {

        @Bean
        @ConditionalOnMissingBean
        ProcessedEvents kaizenProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new ProcessedEvents(jdbc, transactions);
        }

        @Bean
        @ConditionalOnMissingBean
        Outbox kaizenOutbox(JdbcTemplate jdbc, Envelopes envelopes) {
            return new Outbox(jdbc, envelopes);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBooleanProperty(name = "kaizen.messaging.outbox.relay-enabled", matchIfMissing = true)
        OutboxRelay kaizenOutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactions, RedisStreams redis,
                                      EventPublisher publisher, Outbox outbox, MessagingProperties properties,
                                      ObjectProvider<MeterRegistry> registry) {
            OutboxRelay relay = new OutboxRelay(jdbc, transactions, redis, publisher, properties.outbox(), meters(registry));
            outbox.afterCommit(relay::wakeUp);
            return relay;
        }

        @Bean
        @ConditionalOnMissingBean
        JobScheduler kaizenJobScheduler(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox,
                                        MessagingProperties properties, ObjectProvider<MeterRegistry> registry) {
            return new JobScheduler(jdbc, transactions, outbox, properties.scheduler(), meters(registry), Clock.systemUTC());
        }
    }

    /** This service's cleanup tasks on the cleanup queue, scheduled by cron. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    @ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
    @ConditionalOnBooleanProperty(name = "kaizen.messaging.cleanup.enabled", matchIfMissing = true)
    static class Cleanup {

        @Bean
        @ConditionalOnMissingBean
        CleanupJobs kaizenCleanupJobs(JdbcTemplate jdbc, RedisStreams redis, MessagingProperties properties,
                                      Environment environment, ObjectProvider<CleanupTask> serviceTasks,
                                      ObjectProvider<MeterRegistry> registry) {
            MessagingProperties.Cleanup cleanup = properties.cleanup();
            Clock clock = Clock.systemUTC();
            List<CleanupTask> tasks = new ArrayList<>(serviceTasks.orderedStream().toList());
            tasks.add(MessagingTablesCleanup.outboxSent(jdbc, properties.outbox().sentRetention(), clock));
            tasks.add(MessagingTablesCleanup.processedEvents(jdbc, cleanup.processedEventRetention(), clock));
            if (!cleanup.cachePatternsOrEmpty().isEmpty()) {
                tasks.add(new RedisKeyCleanup("expired-cache", redis, cleanup.cachePatternsOrEmpty(),
                        Duration.ofHours(1)));
            }
            if (cleanup.tempDirectory() != null && !cleanup.tempDirectory().isBlank()) {
                tasks.add(new TempFileCleanup("temp-files", Path.of(cleanup.tempDirectory()),
                        cleanup.tempFileRetention(), clock));
            }
            return new CleanupJobs(settings(properties, environment).requiredServiceName(), tasks, meters(registry));
        }

        @Bean
        EventSubscription<CleanupRequest> kaizenCleanupSubscription(CleanupJobs jobs) {
            return jobs.subscription();
        }

        /** Registers the recurring cleanup jobs once the context is up; a missing table only logs. */
        @Bean
        SmartInitializingSingleton kaizenCleanupSchedule(CleanupJobs jobs, JobScheduler scheduler,
                                                         MessagingProperties properties) {
            return () -> {
                try {
                    jobs.scheduleAll(scheduler, properties.cleanup().cron());
                } catch (RuntimeException e) {
                    log.warn("Could not schedule the cleanup jobs {} (is the messaging migration applied?): {}",
                            jobs.taskNames(), e.toString());
                }
            };
        }
    }
}
