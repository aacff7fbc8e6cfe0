package ai.kaizen.common.messaging;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The first consumer of {@link CrashRecoveryTests}, run as a child JVM so the test can kill it with
 * SIGKILL: no shutdown hook, no graceful stop, transactions and acknowledgements cut wherever they are.
 * Arguments: redis URI, schema, stream, group, milliseconds each job takes.
 */
public final class CrashConsumerMain {

    private CrashConsumerMain() {
    }

    public static void main(String[] args) throws Exception {
        String redisUri = args[0];
        String schema = args[1];
        String stream = args[2];
        String group = args[3];
        long jobMillis = Long.parseLong(args[4]);
        RedisStreams redis = RedisStreams.connect(redisUri, Duration.ofSeconds(5));
        HikariDataSource dataSource = TestInfra.dataSource(schema, 6);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        StreamConsumer consumer = new StreamConsumer(redis,
                MessagingProperties.defaults(group).withReading(100, Duration.ofMillis(200), 0),
                List.of(EventSubscription.of(new StreamDefinition(stream, 4, 1, 10), Job.class, event -> {
                    jdbc.update("INSERT INTO effect (job, event_id) VALUES (?, ?)", event.payload().name(),
                            event.envelope().id());
                    Thread.sleep(jobMillis);
                })),
                new ProcessedEvents(jdbc, new DataSourceTransactionManager(dataSource)), Envelopes.standalone(group),
                new SimpleMeterRegistry(), new StreamConsumer.Listener() {
                }, new SplittableRandom());
        consumer.start();
        System.out.println("consuming as " + consumer.consumerName());
        Thread.sleep(Long.MAX_VALUE);
    }
}
