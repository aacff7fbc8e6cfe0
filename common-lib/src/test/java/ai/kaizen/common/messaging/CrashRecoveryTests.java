package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000 jobs; the first consumer is a separate JVM killed with SIGKILL part-way; a second consumer
 * claims what the dead one left pending and finishes. The effect table has no unique constraint, so
 * a job applied twice would show as a second row.
 */
class CrashRecoveryTests {

    private static final String GROUP = "crash-tests";
    private static final int JOBS = 1000;

    private TestInfra.Schema schema;
    private RedisStreams redis;
    private String stream;
    private Process child;

    @BeforeEach
    void setUp() {
        schema = TestInfra.schema("crash");
        redis = TestInfra.redis();
        stream = TestInfra.uniqueKey("crash");
    }

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.destroyForcibly();
        }
        redis.sync().del(stream, StreamDefinition.deadLetterKey(stream, GROUP));
        redis.close();
        schema.close();
    }

    private long effects() {
        return schema.count("SELECT count(*) FROM effect");
    }

    @Test
    void aConsumerKilledWithSigkillLosesNoJobAndDoublesNoEffect() throws Exception {
        EventPublisher publisher = new EventPublisher(redis, Envelopes.standalone("crash-producer"), 100_000,
                new SimpleMeterRegistry());
        for (int i = 0; i < JOBS; i++) {
            publisher.publish(stream, "job-" + i, new Job("job-" + i));
        }
        redis.ensureGroup(stream, GROUP);

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        File log = Path.of("target", "crash-consumer.log").toFile();
        child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashConsumerMain.class.getName(), TestInfra.REDIS_URI, schema.name(), stream, GROUP, "5")
                .redirectErrorStream(true).redirectOutput(log).start();
        Await.until("the child consumer applied a quarter of the jobs", () -> effects() >= JOBS / 4 || !child.isAlive());
        assertThat(child.isAlive()).as("child consumer still running, see " + log).isTrue();

        child.destroyForcibly(); // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long appliedByTheDead = effects();
        long leftPending = redis.sync().xpending(stream, GROUP).getCount();
        assertThat(appliedByTheDead).isLessThan(JOBS);
        assertThat(leftPending).as("entries the killed consumer had taken and not acknowledged").isPositive();

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        MessagingProperties settings = MessagingProperties.defaults(GROUP)
                .withReading(100, Duration.ofMillis(200), 0)
                .withClaiming(Duration.ofSeconds(1), Duration.ofMillis(250), Duration.ofHours(1));
        try (StreamConsumer survivor = new StreamConsumer(redis, settings,
                List.of(EventSubscription.of(new StreamDefinition(stream, 4, 1, 10), Job.class,
                        event -> schema.jdbc().update("INSERT INTO effect (job, event_id) VALUES (?, ?)",
                                event.payload().name(), event.envelope().id()))),
                schema.processedEvents(), Envelopes.standalone(GROUP), meters, new StreamConsumer.Listener() {
        }, new SplittableRandom(3))) {
            survivor.start();
            Await.until("every job applied and nothing pending", () ->
                    schema.count("SELECT count(DISTINCT job) FROM effect") == JOBS
                            && redis.sync().xpending(stream, GROUP).getCount() == 0);
            assertThat(meters.find("kaizen.messaging.reclaimed").counter().count()).isEqualTo(leftPending);
        }

        assertThat(effects()).isEqualTo(JOBS);
        assertThat(schema.count("SELECT count(DISTINCT job) FROM effect")).isEqualTo(JOBS);
        assertThat(schema.count("SELECT count(*) FROM (SELECT job FROM effect GROUP BY job HAVING count(*) > 1) doubled")).isZero();
        assertThat(schema.count("SELECT count(*) FROM processed_event WHERE consumer_group = ?", GROUP)).isEqualTo(JOBS);
    }
}
