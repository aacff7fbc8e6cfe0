package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.kaizen.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Delayed and recurring jobs, stored in PostgreSQL, fired through the outbox. */
class JobSchedulerTests {

    private static final String GROUP = "scheduler-tests";

    private TestInfra.Schema schema;
    private RedisStreams redis;
    private SimpleMeterRegistry meters;
    private MutableClock clock;
    private Outbox outbox;
    private String stream;

    @BeforeEach
    void setUp() {
        schema = TestInfra.schema("jobs");
        redis = TestInfra.redis();
        meters = new SimpleMeterRegistry();
        clock = new MutableClock(Instant.parse("2025-03-01T00:00:00Z"));
        outbox = new Outbox(schema.jdbc(), new Envelopes("jobs-service", JsonMapper.builder().build(),
                TraceContext::generate, clock));
        stream = TestInfra.uniqueKey("jobs");
    }

    @AfterEach
    void tearDown() {
        redis.sync().del(stream, StreamDefinition.deadLetterKey(stream, GROUP));
        redis.close();
        schema.close();
    }

    private JobScheduler scheduler() {
        return new JobScheduler(schema.jdbc(), schema.transactions(), outbox,
                new MessagingProperties.Scheduler(true, Duration.ofMillis(50), 100), meters, clock);
    }

    @Test
    void aDelayedJobSurvivesARestartOfTheServiceAndRunsOnce() throws Exception {
        JobScheduler before = scheduler();
        before.scheduleAfter(Duration.ofSeconds(90), stream, "later", new Job("delayed"));
        assertThat(before.fireDue()).isZero();
        before.close(); // the service stops; the job is a row, not memory

        JobScheduler after = scheduler();
        assertThat(after.jobs()).singleElement().satisfies(job -> {
            assertThat(job.runAt()).isEqualTo(Instant.parse("2025-03-01T00:01:30Z"));
            assertThat(job.type()).isEqualTo("test.job");
        });
        clock.advance(Duration.ofSeconds(89));
        assertThat(after.fireDue()).isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(after.fireDue()).isEqualTo(1);
        assertThat(after.fireDue()).isZero();
        assertThat(after.jobs()).isEmpty();

        OutboxRelay relay = new OutboxRelay(schema.jdbc(), schema.transactions(), redis,
                new EventPublisher(redis, outbox.envelopes(), 1000, meters),
                new MessagingProperties.Outbox(true, Duration.ofMillis(50), 100, Duration.ofDays(1), Duration.ofHours(1)), meters);
        assertThat(relay.relayOnce()).isEqualTo(1);
        try (StreamConsumer consumer = new StreamConsumer(redis, MessagingProperties.defaults(GROUP)
                .withReading(10, Duration.ofMillis(200), 0), List.of(EventSubscription.of(StreamDefinition.of(stream, 1, 1),
                Job.class, event -> schema.jdbc().update("INSERT INTO effect (job, event_id) VALUES (?, ?)",
                        event.payload().name(), event.envelope().id()))), schema.processedEvents(),
                Envelopes.standalone(GROUP), meters, new StreamConsumer.Listener() {
        }, new SplittableRandom(1))) {
            consumer.start();
            Await.until("the delayed job ran", () -> schema.count("SELECT count(*) FROM effect WHERE job = 'delayed'") == 1);
        }
    }

    @Test
    void recurringJobsFollowTheirCronKeepTheirSlotAndCoalesceMissedRuns() {
        JobScheduler scheduler = scheduler();
        scheduler.scheduleRecurring("report", "0 */5 * * * *", stream, "all", new Job("recurring"));
        clock.advance(Duration.ofMinutes(2));
        scheduler.scheduleRecurring("report", "0 */5 * * * *", stream, "all", new Job("recurring, edited"));
        assertThat(scheduler.jobs()).singleElement()
                .satisfies(job -> assertThat(job.runAt()).isEqualTo(Instant.parse("2025-03-01T00:05:00Z")));

        clock.set(Instant.parse("2025-03-01T00:05:00.500Z"));
        assertThat(scheduler.fireDue()).isEqualTo(1);
        assertThat(scheduler.jobs().getFirst().runAt()).isEqualTo(Instant.parse("2025-03-01T00:10:00Z"));

        clock.set(Instant.parse("2025-03-01T00:21:00Z")); // down for two slots: fires once, then back on schedule
        assertThat(scheduler.fireDue()).isEqualTo(1);
        assertThat(scheduler.jobs().getFirst().runAt()).isEqualTo(Instant.parse("2025-03-01T00:25:00Z"));

        assertThat(schema.count("SELECT count(*) FROM outbox_event WHERE stream = ? AND type = 'test.job'", stream)).isEqualTo(2);
        assertThat(schema.count("SELECT count(*) FROM outbox_event WHERE payload->>'name' = 'recurring, edited'")).isEqualTo(2);

        scheduler.scheduleRecurring("report", "0 0 * * * *", stream, "all", new Job("hourly"));
        assertThat(scheduler.jobs().getFirst().runAt()).isEqualTo(Instant.parse("2025-03-01T01:00:00Z"));
        assertThat(scheduler.cancel("report")).isTrue();
        assertThat(scheduler.jobs()).isEmpty();
        assertThatThrownBy(() -> scheduler.scheduleRecurring("bad", "every minute", stream, "k", new Job("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void twoInstancesNeverFireTheSameJob() throws Exception {
        JobScheduler scheduler = scheduler();
        new TransactionTemplate(schema.transactions()).executeWithoutResult(status -> {
            for (int i = 0; i < 300; i++) {
                scheduler.scheduleAfter(Duration.ofSeconds(1), stream, "k" + i, new Job("job-" + i));
            }
        });
        clock.advance(Duration.ofSeconds(2));
        List<JobScheduler> instances = List.of(scheduler(), scheduler());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (JobScheduler instance : instances) {
                runs.add(pool.submit(() -> {
                    int fired = 0;
                    int batch;
                    do {
                        batch = instance.fireDue();
                        fired += batch;
                    } while (batch > 0);
                    return fired;
                }));
            }
            assertThat(runs.get(0).get() + runs.get(1).get()).isEqualTo(300);
        } finally {
            pool.shutdownNow();
        }
        assertThat(schema.count("SELECT count(*) FROM outbox_event")).isEqualTo(300);
        assertThat(schema.count("SELECT count(DISTINCT payload->>'name') FROM outbox_event")).isEqualTo(300);
    }
}
