package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/** The transactional outbox and its relay against the real local PostgreSQL and Redis. */
class OutboxTests {

    private static final String GROUP = "outbox-tests";

    private TestInfra.Schema schema;
    private RedisStreams redis;
    private SimpleMeterRegistry meters;
    private EventPublisher publisher;
    private Outbox outbox;
    private TransactionTemplate transaction;
    private String stream;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void setUp() {
        schema = TestInfra.schema("outbox");
        redis = TestInfra.redis();
        meters = new SimpleMeterRegistry();
        publisher = new EventPublisher(redis, Envelopes.standalone("outbox-producer"), 100_000, meters);
        outbox = new Outbox(schema.jdbc(), Envelopes.standalone("outbox-producer"));
        transaction = new TransactionTemplate(schema.transactions());
        stream = TestInfra.uniqueKey("outbox");
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        redis.sync().del(stream);
        redis.close();
        schema.close();
    }

    private OutboxRelay relay(StreamWriter writer, int batchSize) {
        MessagingProperties.Outbox settings = new MessagingProperties.Outbox(true, Duration.ofMillis(50), batchSize,
                Duration.ofDays(7), Duration.ofHours(1));
        return new OutboxRelay(schema.jdbc(), schema.transactions(), redis, writer, settings, meters);
    }

    private List<StreamMessage<String, String>> entries() {
        return redis.sync().xrange(stream, Range.create("-", "+"));
    }

    private long unsent() {
        return schema.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL");
    }

    @Test
    void addingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.add(stream, "k", new Job("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    @Test
    void committedEventsArePublishedOnceAndRolledBackOnesNever() {
        List<EventEnvelope> committed = transaction.execute(status -> List.of(
                outbox.add(stream, "a", new Job("a")), outbox.add(stream, "b", new Job("b")), outbox.add(stream, "c", new Job("c"))));
        transaction.executeWithoutResult(status -> {
            outbox.add(stream, "d", new Job("rolled back"));
            status.setRollbackOnly();
        });
        AtomicBoolean woken = new AtomicBoolean();
        outbox.afterCommit(() -> woken.set(true));
        transaction.executeWithoutResult(status -> outbox.add(stream, "e", new Job("e")));
        assertThat(woken).isTrue();

        OutboxRelay relay = relay(publisher, 100);
        assertThat(relay.relayOnce()).isEqualTo(4);
        assertThat(relay.relayOnce()).isZero();

        List<StreamMessage<String, String>> entries = entries();
        assertThat(entries).hasSize(4);
        EventEnvelope first = EventEnvelope.fromFields(entries.getFirst().getBody());
        assertThat(first.id()).isEqualTo(committed.getFirst().id());
        assertThat(first.type()).isEqualTo("test.job");
        assertThat(first.producer()).isEqualTo("outbox-producer");
        assertThat(first.occurredAt()).isEqualTo(committed.getFirst().occurredAt());
        assertThat(first.traceparent()).isEqualTo(committed.getFirst().traceparent());
        assertThat(entries).noneMatch(entry -> entry.getBody().get("payload").contains("rolled back"));
        assertThat(unsent()).isZero();
        assertThat(schema.count("SELECT count(*) FROM outbox_event WHERE redis_run_id = ?", redis.runId())).isEqualTo(4);
    }

    @Test
    void aRelayCrashBetweenXaddAndMarkingSentMakesADuplicateThatIsAppliedOnce() {
        List<EventEnvelope> sent = transaction.execute(status -> {
            List<EventEnvelope> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(outbox.add(stream, "job-" + i, new Job("job-" + i)));
            }
            return events;
        });
        // The relay dies after Redis confirmed every XADD and before its transaction marks the rows sent.
        AtomicBoolean crash = new AtomicBoolean(true);
        StreamWriter dying = (key, envelope) -> publisher.write(key, envelope).thenCompose(id -> crash.get()
                ? CompletableFuture.failedFuture(new IllegalStateException("relay killed after XADD"))
                : CompletableFuture.completedFuture(id));
        OutboxRelay relay = relay(dying, 100);
        assertThatThrownBy(relay::relayOnce).hasMessageContaining("relay killed after XADD");
        assertThat(entries()).hasSize(5);
        assertThat(unsent()).isEqualTo(5);

        crash.set(false);
        assertThat(relay.relayOnce()).isEqualTo(5);
        assertThat(entries()).hasSize(10);
        assertThat(unsent()).isZero();

        StreamConsumer consumer = new StreamConsumer(redis, MessagingProperties.defaults(GROUP)
                .withReading(100, Duration.ofMillis(200), 0), List.of(EventSubscription.of(StreamDefinition.of(stream, 2, 1),
                Job.class, event -> schema.jdbc().update("INSERT INTO effect (job, event_id) VALUES (?, ?)",
                        event.payload().name(), event.envelope().id()))),
                schema.processedEvents(), Envelopes.standalone(GROUP), meters, new StreamConsumer.Listener() {
        }, new SplittableRandom(1));
        redis.ensureGroup(stream, GROUP);
        consumer.start();
        closeables.add(consumer);

        Await.until("all ten deliveries acknowledged", () -> redis.sync().xpending(stream, GROUP).getCount() == 0
                && new StreamStates(redis).read(stream).group(GROUP).lag() == 0);
        assertThat(schema.count("SELECT count(*) FROM effect")).isEqualTo(5);
        assertThat(schema.count("SELECT count(DISTINCT event_id) FROM effect")).isEqualTo(5);
        assertThat(meters.find("kaizen.messaging.duplicates").tag("stream", stream).counter().count()).isEqualTo(5);
        assertThat(schema.jdbc().queryForList("SELECT event_id FROM effect", java.util.UUID.class))
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(EventEnvelope::id).toList());
        redis.sync().del(StreamDefinition.deadLetterKey(stream, GROUP));
    }

    @Test
    void severalRelaysNeverPublishTheSameRowTwice() throws Exception {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 1500; i++) {
                outbox.add(stream, "k" + i, new Job("job-" + i));
            }
        });
        List<OutboxRelay> relays = List.of(relay(publisher, 50), relay(publisher, 50), relay(publisher, 50));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (OutboxRelay relay : relays) {
                runs.add(pool.submit(() -> {
                    int total = 0;
                    while (unsent() > 0) {
                        total += relay.relayOnce();
                    }
                    return total;
                }));
            }
            int published = 0;
            for (Future<Integer> run : runs) {
                published += run.get();
            }
            assertThat(published).isEqualTo(1500);
        } finally {
            pool.shutdownNow();
        }
        List<StreamMessage<String, String>> entries = entries();
        Set<String> ids = new HashSet<>();
        entries.forEach(entry -> ids.add(entry.getBody().get("id")));
        assertThat(entries).hasSize(1500);
        assertThat(ids).hasSize(1500);
    }

    @Test
    void afterRedisComesBackAsANewRunRecentlySentRowsArePublishedAgain() {
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 3; i++) {
                outbox.add(stream, "k" + i, new Job("job-" + i));
            }
        });
        OutboxRelay relay = relay(publisher, 100);
        assertThat(relay.relayOnce()).isEqualTo(3);
        // Simulate rows that went to an earlier Redis run: a restart without persistence lost them.
        schema.jdbc().update("UPDATE outbox_event SET redis_run_id = 'previous-run'");
        redis.sync().del(stream);

        OutboxRelay restarted = relay(publisher, 100);
        assertThat(restarted.relayOnce()).isEqualTo(3);
        assertThat(entries()).hasSize(3);
        assertThat(restarted.relayOnce()).isZero();
        assertThat(meters.find("kaizen.messaging.outbox.republished").counter().count()).isEqualTo(3);
    }
}
