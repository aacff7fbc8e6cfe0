package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;

import io.lettuce.core.Consumer;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer against the real local Redis and PostgreSQL. */
class StreamConsumerTests {

    private static final String GROUP = "consumer-tests";

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final List<String> keys = new ArrayList<>();
    private TestInfra.Schema schema;
    private RedisStreams redis;
    private EventPublisher publisher;
    private SimpleMeterRegistry meters;

    @BeforeEach
    void setUp() {
        schema = TestInfra.schema("consumer");
        redis = TestInfra.redis();
        meters = new SimpleMeterRegistry();
        publisher = new EventPublisher(redis, Envelopes.standalone("producer"), 100_000, meters);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable closeable : closeables.reversed()) {
            closeable.close();
        }
        for (String key : keys) {
            redis.sync().del(key, StreamDefinition.deadLetterKey(key, GROUP));
        }
        redis.close();
        schema.close();
    }

    private String stream(String name) {
        String key = TestInfra.uniqueKey(name);
        keys.add(key);
        return key;
    }

    private MessagingProperties settings() {
        return MessagingProperties.defaults(GROUP)
                .withReading(100, Duration.ofMillis(200), 0)
                .withRetries(3, new MessagingProperties.Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0, 0.0))
                .withMetricsInterval(Duration.ofMillis(200));
    }

    private StreamConsumer start(MessagingProperties settings, List<EventSubscription<?>> subscriptions,
                                 StreamConsumer.Listener listener, RandomGenerator random) {
        StreamConsumer consumer = new StreamConsumer(redis, settings, subscriptions, schema.processedEvents(),
                Envelopes.standalone(GROUP), meters, listener, random);
        consumer.start();
        closeables.add(consumer);
        return consumer;
    }

    private EventHandler<Job> recordEffect() {
        return event -> schema.jdbc().update("INSERT INTO effect (job, event_id) VALUES (?, ?)",
                event.payload().name(), event.envelope().id());
    }

    private double counter(String name, String stream) {
        var counter = meters.find(name).tag("stream", stream).counter();
        return counter == null ? 0 : counter.count();
    }

    private long effects() {
        return schema.count("SELECT count(*) FROM effect");
    }

    @Test
    void appliesEveryEventOnceAcknowledgesThemAndSkipsDuplicates() {
        String key = stream("once");
        StreamDefinition definition = new StreamDefinition(key, 4, 1, 20);
        redis.ensureGroup(key, GROUP);
        redis.ensureGroup(key, GROUP); // an existing group (BUSYGROUP) is fine
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(publisher.publish(key, "job-" + i, new Job("job-" + i)));
        }
        publisher.publish(key, sent.get(7)); // the same event again, e.g. re-published by an outbox relay
        publisher.publish(key, sent.get(99));

        start(settings(), List.of(EventSubscription.of(definition, Job.class, recordEffect())),
                new StreamConsumer.Listener() {
                }, new SplittableRandom(1));

        Await.until("300 events processed and 2 duplicates seen", () ->
                counter("kaizen.messaging.processed", key) == 300 && counter("kaizen.messaging.duplicates", key) == 2);
        assertThat(effects()).isEqualTo(300);
        assertThat(schema.count("SELECT count(DISTINCT job) FROM effect")).isEqualTo(300);
        assertThat(schema.count("SELECT count(*) FROM processed_event WHERE consumer_group = ?", GROUP)).isEqualTo(300);
        Await.until("everything acknowledged", () -> redis.sync().xpending(key, GROUP).getCount() == 0);
        Await.until("the lag gauge reports the drained group", () -> {
            var lag = meters.find("kaizen.messaging.lag").tag("stream", key).gauge();
            var length = meters.find("kaizen.messaging.stream.length").tag("stream", key).gauge();
            return lag != null && lag.value() == 0 && length != null && length.value() == 302;
        });
    }

    @Test
    void aPoisonMessageLandsInTheDeadLetterStreamWithItsReasonWhileTheOthersGoOn() {
        String key = stream("poison");
        List<String> retried = new CopyOnWriteArrayList<>();
        StreamConsumer.Listener listener = new StreamConsumer.Listener() {
            @Override
            public void retryScheduled(String stream, String entryId, long deliveries, Duration delay, Throwable cause) {
                retried.add(entryId + "#" + deliveries);
            }
        };
        EventHandler<Job> handler = event -> {
            if (event.payload().name().equals("job-13")) {
                throw new IllegalStateException("cannot digest job-13");
            }
            recordEffect().handle(event);
        };
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            sent.add(publisher.publish(key, "job-" + i, new Job("job-" + i)));
        }
        // Batches of 10: the poison takes its batch down once, then its neighbours commit one by one.
        start(settings(), List.of(EventSubscription.of(new StreamDefinition(key, 2, 1, 10), Job.class, handler)),
                listener, new SplittableRandom(1));

        String deadLetters = StreamDefinition.deadLetterKey(key, GROUP);
        Await.until("the poison is dead-lettered and the rest processed",
                () -> redis.sync().xlen(deadLetters) == 1 && counter("kaizen.messaging.processed", key) == 49);
        StreamMessage<String, String> dead = redis.sync().xrange(deadLetters, Range.create("-", "+")).getFirst();
        Map<String, String> fields = dead.getBody();
        assertThat(fields.get(DeadLetters.REASON)).contains("IllegalStateException").contains("cannot digest job-13");
        assertThat(fields.get(DeadLetters.DELIVERIES)).isEqualTo("3");
        assertThat(fields.get(DeadLetters.STREAM)).isEqualTo(key);
        assertThat(fields.get(DeadLetters.GROUP)).isEqualTo(GROUP);
        assertThat(fields.get(EventEnvelope.ID)).isEqualTo(sent.get(13).id().toString());
        assertThat(fields.get(EventEnvelope.PAYLOAD)).contains("job-13");
        String poisonEntry = fields.get(DeadLetters.ENTRY_ID);
        assertThat(retried).containsExactly(poisonEntry + "#1", poisonEntry + "#2");

        assertThat(effects()).isEqualTo(49);
        assertThat(schema.count("SELECT count(*) FROM effect WHERE job = 'job-13'")).isZero();
        assertThat(counter("kaizen.messaging.dead.lettered", key)).isEqualTo(1);
        Await.until("the poison is acknowledged", () -> redis.sync().xpending(key, GROUP).getCount() == 0);

        DeadLetters.DeadLetter listed = new DeadLetters(redis, 1000).list(key, GROUP, 10).getFirst();
        assertThat(listed.reason()).contains("cannot digest job-13");
        assertThat(listed.deliveries()).isEqualTo(3);
        assertThat(listed.eventId()).isEqualTo(sent.get(13).id().toString());
    }

    @Test
    void retriesFollowTheConfiguredBackoffSchedule() {
        String key = stream("backoff");
        MessagingProperties.Backoff backoff = new MessagingProperties.Backoff(
                Duration.ofMillis(30), Duration.ofMillis(100), 2.0, 0.25);
        MessagingProperties settings = settings().withRetries(6, backoff);
        List<Long> deliveriesSeen = new CopyOnWriteArrayList<>();
        List<Duration> scheduled = new CopyOnWriteArrayList<>();
        List<Long> scheduledAfter = new CopyOnWriteArrayList<>();
        StreamConsumer.Listener listener = new StreamConsumer.Listener() {
            @Override
            public void retryScheduled(String stream, String entryId, long deliveries, Duration delay, Throwable cause) {
                scheduledAfter.add(deliveries);
                scheduled.add(delay);
            }
        };
        EventHandler<Job> handler = event -> {
            deliveriesSeen.add(event.deliveries());
            if (event.deliveries() < 5) {
                throw new IllegalStateException("transient failure " + event.deliveries());
            }
            recordEffect().handle(event);
        };
        publisher.publish(key, "flaky", new Job("flaky"));
        start(settings, List.of(EventSubscription.of(StreamDefinition.of(key, 1, 1), Job.class, handler)),
                listener, new SplittableRandom(99));

        Await.until("the flaky job succeeds", () -> effects() == 1);
        RandomGenerator sameDraws = new SplittableRandom(99);
        BackoffPolicy policy = backoff.policy();
        List<Duration> expected = List.of(policy.delay(1, sameDraws), policy.delay(2, sameDraws),
                policy.delay(3, sameDraws), policy.delay(4, sameDraws));
        assertThat(scheduledAfter).containsExactly(1L, 2L, 3L, 4L);
        assertThat(scheduled).containsExactlyElementsOf(expected);
        // Each delay is the nominal exponential one within ±25 % and never above the cap.
        for (int i = 0; i < expected.size(); i++) {
            long nominal = policy.nominal(i + 1).toMillis();
            assertThat(scheduled.get(i).toMillis()).isBetween(Math.round(nominal * 0.75), Math.min(100, Math.round(nominal * 1.25)));
        }
        assertThat(policy.nominal(1)).isEqualTo(Duration.ofMillis(30));
        assertThat(policy.nominal(3)).isEqualTo(Duration.ofMillis(100));
        assertThat(deliveriesSeen).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(counter("kaizen.messaging.retried", key)).isEqualTo(4);
    }

    @Test
    void entriesADeadConsumerLeftPendingAreClaimedAfterTheIdleTimeout() {
        String key = stream("reclaim");
        for (int i = 0; i < 20; i++) {
            publisher.publish(key, "job-" + i, new Job("job-" + i));
        }
        redis.ensureGroup(key, GROUP);
        // A consumer that reads and dies without acknowledging anything.
        List<StreamMessage<String, String>> taken = redis.sync().xreadgroup(Consumer.from(GROUP, "ghost"),
                XReadArgs.Builder.count(20), XReadArgs.StreamOffset.lastConsumed(key));
        assertThat(taken).hasSize(20);

        List<Long> deliveries = new CopyOnWriteArrayList<>();
        EventHandler<Job> handler = event -> {
            deliveries.add(event.deliveries());
            recordEffect().handle(event);
        };
        MessagingProperties settings = settings().withClaiming(Duration.ofMillis(300), Duration.ofMillis(150), Duration.ofHours(1));
        start(settings, List.of(EventSubscription.of(StreamDefinition.of(key, 4, 1), Job.class, handler)),
                new StreamConsumer.Listener() {
                }, new SplittableRandom(1));

        Await.until("the ghost's entries are processed", () -> effects() == 20);
        assertThat(schema.count("SELECT count(DISTINCT job) FROM effect")).isEqualTo(20);
        assertThat(counter("kaizen.messaging.reclaimed", key)).isEqualTo(20);
        assertThat(deliveries).hasSize(20).containsOnly(2L);
        Await.until("nothing pending", () -> redis.sync().xpending(key, GROUP).getCount() == 0);
    }

    @Test
    void staleConsumersWithNothingPendingAreRemoved() {
        String key = stream("stale");
        redis.ensureGroup(key, GROUP);
        redis.sync().xgroupCreateconsumer(key, Consumer.from(GROUP, "long-gone"));
        MessagingProperties settings = settings().withClaiming(Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofMillis(300));
        StreamConsumer consumer = start(settings, List.of(EventSubscription.of(StreamDefinition.of(key, 1, 1), Job.class,
                recordEffect())), new StreamConsumer.Listener() {
        }, new SplittableRandom(1));

        assertThat(new StreamStates(redis).read(key).group(GROUP).consumers())
                .extracting(StreamStates.ConsumerState::name).containsExactly("long-gone");

        Await.until("the stale consumer is gone", () -> new StreamStates(redis).read(key).group(GROUP).consumers()
                .stream().noneMatch(c -> c.name().equals("long-gone")));
        // Redis lists a consumer once entries were delivered to it; the live one is never removed by itself.
        publisher.publish(key, "k", new Job("after"));
        Await.until("the live consumer handled a job", () -> effects() == 1);
        assertThat(new StreamStates(redis).read(key).group(GROUP).consumers())
                .extracting(StreamStates.ConsumerState::name).containsExactly(consumer.consumerName());
    }

    @Test
    void higherPriorityStreamsAreDrainedFirst() {
        String urgent = stream("urgent");
        String later = stream("later");
        for (int i = 0; i < 30; i++) {
            publisher.publish(later, "l" + i, new Job("later-" + i));
            publisher.publish(urgent, "u" + i, new Job("urgent-" + i));
        }
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        EventHandler<Job> handler = event -> {
            order.add(event.stream());
            recordEffect().handle(event);
        };
        // One transaction in flight for the whole process: the budget goes to the priority-1 stream first.
        MessagingProperties settings = settings().withReading(100, Duration.ofMillis(200), 1);
        start(settings, List.of(
                EventSubscription.of(StreamDefinition.of(later, 1, 5), Job.class, handler),
                EventSubscription.of(StreamDefinition.of(urgent, 1, 1), Job.class, handler)),
                new StreamConsumer.Listener() {
                }, new SplittableRandom(1));

        Await.until("all 60 processed", () -> effects() == 60);
        assertThat(order.subList(0, 30)).containsOnly(urgent);
        assertThat(order.subList(30, 60)).containsOnly(later);
    }

    @Test
    void malformedEntriesAreDeadLetteredAtOnce() {
        String key = stream("malformed");
        redis.sync().xadd(key, Map.of("hello", "world"));
        publisher.publish(key, "fine", new Job("fine"));
        start(settings(), List.of(EventSubscription.of(StreamDefinition.of(key, 1, 1), Job.class, recordEffect())),
                new StreamConsumer.Listener() {
                }, new SplittableRandom(1));

        String deadLetters = StreamDefinition.deadLetterKey(key, GROUP);
        Await.until("the malformed entry is dead-lettered", () -> redis.sync().xlen(deadLetters) == 1 && effects() == 1);
        Map<String, String> fields = redis.sync().xrange(deadLetters, Range.create("-", "+")).getFirst().getBody();
        assertThat(fields.get(DeadLetters.REASON)).contains("Malformed event envelope");
        assertThat(fields.get("hello")).isEqualTo("world");
        assertThat(fields.get(DeadLetters.DELIVERIES)).isEqualTo("1");
    }

    @Test
    void eventsOfOtherTypesAreAcknowledgedWithoutHandling() {
        String key = stream("types");
        publisher.publish(key, "other.type", 1, "k", Map.of("x", 1));
        publisher.publish(key, "mine", new Job("mine"));
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        start(settings(), List.of(EventSubscription.of(StreamDefinition.of(key, 1, 1), Job.class, event -> {
            seen.merge(event.envelope().type(), 1, Integer::sum);
            recordEffect().handle(event);
        })), new StreamConsumer.Listener() {
        }, new SplittableRandom(1));

        Await.until("both acknowledged", () -> effects() == 1 && redis.sync().xpending(key, GROUP).getCount() == 0
                && new StreamStates(redis).read(key).group(GROUP).lag() == 0);
        assertThat(seen).containsOnlyKeys("test.job");
    }

    @Test
    void aBatchHandlerTakesATransactionsWorthAtOnceAndAPoisonEventStillOnlyFailsItself() {
        String key = stream("batch");
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        BatchEventHandler<Job> handler = events -> {
            sizes.add(events.size());
            if (events.stream().anyMatch(event -> event.payload().name().equals("job-42"))) {
                throw new IllegalStateException("job-42 spoils its batch");
            }
            schema.jdbc().batchUpdate("INSERT INTO effect (job, event_id) VALUES (?, ?)", events.stream()
                    .map(event -> new Object[] {event.payload().name(), event.envelope().id()}).toList());
        };
        List<EventEnvelope> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(publisher.publish(key, "job-" + i, new Job("job-" + i)));
        }
        publisher.publish(key, sent.get(5)); // a duplicate is not handed to the handler again
        start(settings(), List.of(EventSubscription.batch(new StreamDefinition(key, 2, 1, 25), Job.class, handler)),
                new StreamConsumer.Listener() {
                }, new SplittableRandom(1));

        String deadLetters = StreamDefinition.deadLetterKey(key, GROUP);
        Await.until("99 applied and the poison dead-lettered", () -> effects() == 99 && redis.sync().xlen(deadLetters) == 1);
        assertThat(schema.count("SELECT count(DISTINCT job) FROM effect")).isEqualTo(99);
        assertThat(sizes).anyMatch(size -> size == 25);
        assertThat(sizes).contains(1);
        assertThat(redis.sync().xrange(deadLetters, Range.create("-", "+")).getFirst().getBody().get(DeadLetters.REASON))
                .contains("job-42 spoils its batch");
        Await.until("the duplicate is acknowledged", () -> counter("kaizen.messaging.duplicates", key) == 1);
    }
}
