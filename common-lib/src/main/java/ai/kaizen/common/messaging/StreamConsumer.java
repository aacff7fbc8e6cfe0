package ai.kaizen.common.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

import io.lettuce.core.Consumer;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XClaimArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.models.stream.PendingMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * One service's consumer of its streams: a single reader serves the streams in priority order, each
 * batch of entries runs in one transaction together with its idempotency records, entries are
 * acknowledged after that commit, failures come back after an exponential backoff, entries that failed
 * {@code maxDeliveries} times go to the group's dead-letter stream with the reason, and entries left
 * pending by dead consumers are claimed after an idle timeout (XAUTOCLAIM).
 */
public final class StreamConsumer implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);
    private static final int MAX_REASON = 2000;
    private static final BackoffPolicy RECONNECT = new BackoffPolicy(Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.2);

    /** Observes retries and dead letters (audit logs, tests). */
    public interface Listener {

        default void retryScheduled(String stream, String entryId, long deliveries, Duration delay, Throwable cause) {
        }

        default void deadLettered(String stream, String entryId, long deliveries, String reason) {
        }
    }

    private final RedisStreams redis;
    private final String group;
    private final String consumerName;
    private final Consumer<String> consumer;
    private final MessagingProperties settings;
    private final @Nullable ProcessedEvents processed;
    private final Envelopes envelopes;
    private final Listener listener;
    private final BackoffPolicy backoff;
    private final RandomGenerator random;
    private final Clock clock;
    private final List<Lane> lanes;
    private final Semaphore budget;
    private final Object capacity = new Object();
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> awaitingRetry = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean maintaining = new AtomicBoolean();
    private final XAddArgs deadLetterTrim;

    private volatile boolean running;
    private volatile @Nullable StatefulRedisConnection<String, String> readerConnection;
    private @Nullable Thread reader;
    private @Nullable ExecutorService workers;
    private @Nullable ScheduledExecutorService timers;

    /**
     * @param processed idempotency store; null consumes without it (at-least-once, handlers must be idempotent)
     */
    public StreamConsumer(RedisStreams redis, MessagingProperties settings, List<? extends EventSubscription<?>> subscriptions,
                          @Nullable ProcessedEvents processed, Envelopes envelopes, MeterRegistry meters,
                          Listener listener, RandomGenerator random) {
        this.redis = redis;
        this.settings = settings;
        this.group = settings.requiredServiceName();
        this.consumerName = uniqueConsumerName(group);
        this.consumer = Consumer.from(group, consumerName);
        this.processed = processed;
        this.envelopes = envelopes;
        this.listener = listener;
        this.backoff = settings.backoff().policy();
        this.random = random;
        this.clock = Clock.systemUTC();
        this.deadLetterTrim = new XAddArgs().maxlen(settings.maxLen()).approximateTrimming();
        Map<String, List<EventSubscription<?>>> byStream = new LinkedHashMap<>();
        Map<String, StreamDefinition> definitions = new LinkedHashMap<>();
        for (EventSubscription<?> subscription : subscriptions) {
            StreamDefinition definition = subscription.stream();
            StreamDefinition known = definitions.putIfAbsent(definition.key(), definition);
            if (known != null && !known.equals(definition)) {
                throw new IllegalArgumentException("Stream " + definition.key() + " is declared twice differently: "
                        + known + " and " + definition);
            }
            byStream.computeIfAbsent(definition.key(), key -> new ArrayList<>()).add(subscription);
        }
        this.lanes = definitions.values().stream()
                .sorted(Comparator.comparingInt(StreamDefinition::priority).thenComparing(StreamDefinition::key))
                .map(definition -> new Lane(definition, List.copyOf(byStream.get(definition.key())), meters))
                .toList();
        int sum = lanes.stream().mapToInt(lane -> lane.definition.concurrency()).sum();
        this.budget = new Semaphore(settings.maxInFlight() > 0 ? settings.maxInFlight() : Math.max(sum, 1));
    }

    /** Consumer names are unique per process: group, host, pid and a random suffix. */
    static String uniqueConsumerName(String group) {
        String host = System.getenv().getOrDefault("HOSTNAME", "local");
        return group + "-" + host + "-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF));
    }

    public String group() {
        return group;
    }

    public String consumerName() {
        return consumerName;
    }

    /** The streams consumed, highest priority first. */
    public List<StreamDefinition> streams() {
        return lanes.stream().map(lane -> lane.definition).toList();
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void start() {
        if (running || lanes.isEmpty()) {
            return;
        }
        running = true;
        workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kaizen-consumer-", 0).factory());
        timers = Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name("kaizen-consumer-timer-", 0).factory());
        Duration claimEvery = settings.claimInterval();
        timers.scheduleWithFixedDelay(this::maintain, Math.min(claimEvery.toMillis(), 1000), claimEvery.toMillis(),
                TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(this::refreshGauges, 0, settings.metricsInterval().toMillis(), TimeUnit.MILLISECONDS);
        reader = Thread.ofPlatform().daemon().name("kaizen-consumer-" + group).start(this::readLoop);
        log.info("Consuming {} as {} in group {}", streams().stream().map(StreamDefinition::key).toList(), consumerName, group);
    }

    @Override
    public void stop() {
        Thread readerThread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            readerThread = reader;
        }
        StatefulRedisConnection<String, String> connection = readerConnection;
        if (connection != null) {
            connection.close(); // aborts a blocking XREADGROUP at once
        }
        if (readerThread != null) {
            try {
                readerThread.join(settings.blockTime().plus(settings.commandTimeout()).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (timers != null) {
            timers.shutdownNow();
        }
        if (workers != null) {
            workers.shutdown();
            try {
                // In-flight transactions finish and acknowledge; anything still pending is reclaimed by another consumer.
                workers.awaitTermination(settings.commandTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        log.info("Stopped consumer {}", consumerName);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- reading

    private void readLoop() {
        int failures = 0;
        boolean groupsReady = false;
        while (running) {
            try {
                if (!groupsReady) {
                    for (Lane lane : lanes) {
                        redis.ensureGroup(lane.key, group);
                    }
                    groupsReady = true;
                }
                StatefulRedisConnection<String, String> connection = readerConnection;
                if (connection == null || !connection.isOpen()) {
                    connection = redis.dedicated(settings.blockTime().plus(settings.commandTimeout()));
                    readerConnection = connection;
                }
                readOnce(connection.sync());
                if (failures > 0) {
                    log.info("Consumer {} reading again after {} failed attempt(s)", consumerName, failures);
                    failures = 0;
                }
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                failures++;
                if (RedisStreams.isNoGroup(e)) {
                    groupsReady = false; // Redis lost the group (restarted without persistence): recreate it
                }
                if (failures == 1 || failures % 20 == 0) {
                    log.warn("Consumer {} cannot read (attempt {}): {}", consumerName, failures, e.toString());
                }
                if (!pause(RECONNECT.delay(Math.min(failures, 16), ThreadLocalRandom.current()))) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        StatefulRedisConnection<String, String> connection = readerConnection;
        if (connection != null && connection.isOpen()) {
            connection.close();
        }
    }

    private void readOnce(RedisCommands<String, String> commands) throws InterruptedException {
        int free = budget.availablePermits();
        List<Lane> ready = free == 0 ? List.of()
                : lanes.stream().filter(lane -> lane.permits.availablePermits() > 0).toList();
        if (ready.isEmpty()) {
            synchronized (capacity) {
                capacity.wait(100);
            }
            return;
        }
        if (ready.size() > 1) {
            // Highest priority first: take from the first stream that has entries right now.
            for (Lane lane : ready) {
                List<StreamMessage<String, String>> entries = commands.xreadgroup(consumer,
                        XReadArgs.Builder.count(readCount(lane, free)), XReadArgs.StreamOffset.lastConsumed(lane.key));
                if (!entries.isEmpty()) {
                    dispatch(lane, entries, 1);
                    return;
                }
            }
        }
        long count = ready.stream().mapToLong(lane -> readCount(lane, free)).min().orElse(1);
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] offsets = ready.stream()
                .map(lane -> XReadArgs.StreamOffset.lastConsumed(lane.key)).toArray(XReadArgs.StreamOffset[]::new);
        List<StreamMessage<String, String>> entries = commands.xreadgroup(consumer,
                XReadArgs.Builder.block(settings.blockTime()).count(count), offsets);
        if (entries.isEmpty()) {
            return;
        }
        Map<String, List<StreamMessage<String, String>>> byStream = new LinkedHashMap<>();
        for (StreamMessage<String, String> entry : entries) {
            byStream.computeIfAbsent(entry.getStream(), key -> new ArrayList<>()).add(entry);
        }
        for (Lane lane : ready) {
            List<StreamMessage<String, String>> mine = byStream.get(lane.key);
            if (mine != null) {
                dispatch(lane, mine, 1);
            }
        }
    }

    private long readCount(Lane lane, int free) {
        long slots = Math.min(lane.permits.availablePermits(), free);
        return Math.max(1, Math.min(settings.batchSize(), slots * lane.definition.maxBatch()));
    }

    /** Hands entries to workers in transactions of up to maxBatch entries, waiting for capacity. */
    private void dispatch(Lane lane, List<StreamMessage<String, String>> entries, long deliveries)
            throws InterruptedException {
        List<Delivery> chunk = new ArrayList<>();
        for (StreamMessage<String, String> entry : entries) {
            chunk.add(new Delivery(entry, deliveries));
            if (chunk.size() == lane.definition.maxBatch()) {
                submit(lane, chunk);
                chunk = new ArrayList<>();
            }
        }
        if (!chunk.isEmpty()) {
            submit(lane, chunk);
        }
    }

    private void submit(Lane lane, List<Delivery> chunk) throws InterruptedException {
        lane.permits.acquire();
        try {
            budget.acquire();
        } catch (InterruptedException e) {
            lane.permits.release();
            throw e;
        }
        for (Delivery delivery : chunk) {
            inFlight.add(lane.key + ' ' + delivery.id());
        }
        ExecutorService pool = workers;
        if (pool == null || pool.isShutdown()) {
            release(lane, chunk);
            return;
        }
        pool.execute(() -> {
            try {
                process(lane, chunk);
            } catch (RuntimeException e) {
                log.error("Unexpected failure processing {} entries of {}; they stay pending and will be reclaimed",
                        chunk.size(), lane.key, e);
            } finally {
                release(lane, chunk);
            }
        });
    }

    private void release(Lane lane, List<Delivery> chunk) {
        for (Delivery delivery : chunk) {
            inFlight.remove(lane.key + ' ' + delivery.id());
        }
        budget.release();
        lane.permits.release();
        synchronized (capacity) {
            capacity.notifyAll();
        }
    }

    // ---------------------------------------------------------------- processing

    private void process(Lane lane, List<Delivery> chunk) {
        List<Parsed> valid = new ArrayList<>(chunk.size());
        List<String> emptyEntries = new ArrayList<>();
        for (Delivery delivery : chunk) {
            Map<String, String> body = delivery.entry.getBody();
            if (body == null || body.isEmpty()) {
                emptyEntries.add(delivery.id()); // trimmed or deleted while pending: nothing left to process
                continue;
            }
            try {
                valid.add(new Parsed(delivery, EventEnvelope.fromFields(body)));
            } catch (EventEnvelope.MalformedEnvelopeException e) {
                deadLetter(lane, delivery, e.getMessage());
            }
        }
        if (!emptyEntries.isEmpty()) {
            acknowledge(lane, emptyEntries);
        }
        if (valid.isEmpty()) {
            return;
        }
        if (processed == null) {
            for (Parsed event : valid) {
                try {
                    handleAll(lane, List.of(event));
                    acknowledge(lane, List.of(event.delivery.id()));
                    lane.processed.increment();
                } catch (RuntimeException e) {
                    failed(lane, event, unwrap(e));
                }
            }
            return;
        }
        try {
            List<UUID> ids = valid.stream().map(event -> event.envelope.id()).toList();
            int[] outcome = new int[2];
            processed.runOnce(group, lane.key, ids, fresh -> {
                List<Parsed> unseen = new ArrayList<>(valid.size());
                for (Parsed event : valid) {
                    if (fresh.remove(event.envelope.id())) { // remove: the same event twice in one read counts once
                        unseen.add(event);
                    }
                }
                handleAll(lane, unseen);
                outcome[0] = unseen.size();
                outcome[1] = valid.size() - unseen.size();
            });
            acknowledge(lane, valid.stream().map(event -> event.delivery.id()).toList());
            lane.processed.increment(outcome[0]);
            lane.duplicates.increment(outcome[1]);
        } catch (RuntimeException e) {
            if (valid.size() == 1) {
                failed(lane, valid.getFirst(), unwrap(e));
            } else {
                // One of them failed and took the batch down: run each alone so only the failing ones retry.
                for (Parsed event : valid) {
                    process(lane, List.of(event.delivery));
                }
            }
        }
    }

    /** Runs every subscription of the lane on the events it accepts, inside the caller's transaction. */
    private void handleAll(Lane lane, List<Parsed> events) {
        if (events.isEmpty()) {
            return;
        }
        for (EventSubscription<?> subscription : lane.subscriptions) {
            List<Parsed> accepted = new ArrayList<>(events.size());
            for (Parsed event : events) {
                if (subscription.accepts(event.envelope.type())) {
                    accepted.add(event);
                }
            }
            if (!accepted.isEmpty()) {
                invoke(lane, subscription, accepted);
            }
        }
    }

    private <T> void invoke(Lane lane, EventSubscription<T> subscription, List<Parsed> events) {
        EventHandler<T> single = subscription.handler();
        if (single != null) {
            for (Parsed event : events) {
                String traceId = TraceContext.traceId(event.envelope.traceparent());
                if (traceId != null) {
                    MDC.put("traceId", traceId);
                }
                ReceivedEvent<T> received = received(lane, subscription, event);
                long started = System.nanoTime();
                try {
                    single.handle(received);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new HandlerException(e);
                } finally {
                    lane.handlerTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                    MDC.remove("traceId");
                }
            }
            return;
        }
        BatchEventHandler<T> batch = java.util.Objects.requireNonNull(subscription.batchHandler());
        List<ReceivedEvent<T>> received = new ArrayList<>(events.size());
        for (Parsed event : events) {
            received.add(received(lane, subscription, event));
        }
        long started = System.nanoTime();
        try {
            batch.handle(received);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new HandlerException(e);
        } finally {
            lane.batchHandlerTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private <T> ReceivedEvent<T> received(Lane lane, EventSubscription<T> subscription, Parsed event) {
        return new ReceivedEvent<>(event.envelope, envelopes.read(event.envelope, subscription.payloadType()), lane.key,
                event.delivery.id(), event.delivery.deliveries);
    }

    private void acknowledge(Lane lane, List<String> entryIds) {
        redis.async().xack(lane.key, group, entryIds.toArray(String[]::new)).whenComplete((count, error) -> {
            if (error != null) {
                log.warn("Acknowledging {} entries of {} failed; they will be redelivered and recognised as processed: {}",
                        entryIds.size(), lane.key, error.toString());
            }
        });
    }

    private void failed(Lane lane, Parsed event, Throwable cause) {
        long deliveries = event.delivery.deliveries;
        String entryId = event.delivery.id();
        // An outage of the database or Redis is no fault of the event: it keeps retrying instead of being dead-lettered.
        if (deliveries >= settings.maxDeliveries() && !isTransient(cause)) {
            deadLetter(lane, event.delivery, describe(cause));
            return;
        }
        Duration delay = backoff.delay(Math.min(deliveries, 64), random);
        lane.retried.increment();
        log.info("Event {} ({}) on {} failed delivery {}; retrying in {} ms: {}", event.envelope.id(),
                event.envelope.type(), lane.key, deliveries, delay.toMillis(), cause.toString());
        listener.retryScheduled(lane.key, entryId, deliveries, delay, cause);
        String key = lane.key + ' ' + entryId;
        awaitingRetry.add(key);
        ScheduledExecutorService scheduler = timers;
        if (scheduler == null || scheduler.isShutdown()) {
            awaitingRetry.remove(key);
            return;
        }
        scheduler.schedule(() -> {
            ExecutorService pool = workers;
            if (pool != null && !pool.isShutdown()) {
                pool.execute(() -> retry(lane, entryId, deliveries, delay));
            } else {
                awaitingRetry.remove(key);
            }
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Claims the entry back (XCLAIM counts the delivery) and processes it again. */
    private void retry(Lane lane, String entryId, long deliveries, Duration delay) {
        String key = lane.key + ' ' + entryId;
        try {
            if (!running) {
                return;
            }
            List<StreamMessage<String, String>> claimed = redis.sync().xclaim(lane.key, consumer,
                    new XClaimArgs().minIdleTime(delay.toMillis() / 2), entryId);
            awaitingRetry.remove(key);
            if (claimed.isEmpty()) {
                return; // another consumer took it over, or it is gone
            }
            dispatch(lane, claimed, deliveries + 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // Left pending: the idle-timeout claim picks it up again once Redis answers.
            log.warn("Could not claim {} of {} for its retry: {}", entryId, lane.key, e.toString());
        } finally {
            awaitingRetry.remove(key);
        }
    }

    private void deadLetter(Lane lane, Delivery delivery, String reason) {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, String> body = delivery.entry.getBody();
        if (body != null) {
            fields.putAll(body);
        }
        String shortReason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        fields.put(DeadLetters.STREAM, lane.key);
        fields.put(DeadLetters.ENTRY_ID, delivery.id());
        fields.put(DeadLetters.GROUP, group);
        fields.put(DeadLetters.CONSUMER, consumerName);
        fields.put(DeadLetters.REASON, shortReason);
        fields.put(DeadLetters.DELIVERIES, Long.toString(delivery.deliveries));
        fields.put(DeadLetters.FAILED_AT, clock.instant().toString());
        try {
            redis.sync().xadd(StreamDefinition.deadLetterKey(lane.key, group), deadLetterTrim, fields);
        } catch (RuntimeException e) {
            log.warn("Could not dead-letter {} of {}; it stays pending: {}", delivery.id(), lane.key, e.toString());
            return;
        }
        acknowledge(lane, List.of(delivery.id()));
        lane.deadLettered.increment();
        log.warn("Dead-lettered {} of {} after {} deliveries: {}", delivery.id(), lane.key, delivery.deliveries, shortReason);
        listener.deadLettered(lane.key, delivery.id(), delivery.deliveries, shortReason);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof HandlerException || cause.getClass().getName().startsWith("org.springframework.transaction"))
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.dao.RecoverableDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.jdbc.CannotGetJdbcConnectionException",
            "io.lettuce.core.RedisConnectionException",
            "io.lettuce.core.RedisCommandTimeoutException");

    /**
     * Whether a failure comes from the infrastructure being unavailable for a while (connection lost,
     * deadlock victim, serialization failure, database shutting down) rather than from the event.
     * Class names, not types: spring-jdbc and spring-tx are optional here.
     */
    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientException || cause instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57P")) {
                    return true;
                }
            }
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (TRANSIENT_TYPES.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getName() + ": " + cause.getMessage();
    }

    // ---------------------------------------------------------------- maintenance

    /** Claims entries dead consumers left pending and removes consumers long gone. */
    private void maintain() {
        if (!running || !maintaining.compareAndSet(false, true)) {
            return;
        }
        try {
            for (Lane lane : lanes) {
                try {
                    reclaim(lane);
                    removeStaleConsumers(lane);
                } catch (RuntimeException e) {
                    if (RedisStreams.isNoGroup(e)) {
                        redis.ensureGroup(lane.key, group);
                    } else {
                        log.debug("Maintenance of {} failed: {}", lane.key, e.toString());
                    }
                }
            }
        } catch (RuntimeException e) {
            log.debug("Maintenance failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            maintaining.set(false);
        }
    }

    private void reclaim(Lane lane) throws InterruptedException {
        String cursor = "0-0";
        for (int page = 0; page < 10 && running; page++) {
            ClaimedMessages<String, String> claimed = redis.sync().xautoclaim(lane.key, new XAutoClaimArgs<String>()
                    .consumer(consumer).minIdleTime(settings.claimIdleTimeout()).startId(cursor)
                    .count(settings.batchSize()));
            List<StreamMessage<String, String>> entries = claimed.getMessages().stream()
                    .filter(entry -> !inFlight.contains(lane.key + ' ' + entry.getId())
                            && !awaitingRetry.contains(lane.key + ' ' + entry.getId()))
                    .toList();
            if (!entries.isEmpty()) {
                lane.reclaimed.increment(entries.size());
                log.info("Claimed {} entries of {} left pending by other consumers", entries.size(), lane.key);
                Map<String, Long> deliveries = deliveryCounts(lane, entries);
                for (StreamMessage<String, String> entry : entries) {
                    long count = deliveries.getOrDefault(entry.getId(), 2L);
                    Delivery delivery = new Delivery(entry, count);
                    if (count > settings.maxDeliveries() && entry.getBody() != null && !entry.getBody().isEmpty()) {
                        deadLetter(lane, delivery, "Not acknowledged after " + (count - 1)
                                + " deliveries: the consumer died or timed out while handling it");
                    } else {
                        dispatch(lane, List.of(entry), count);
                    }
                }
            }
            cursor = claimed.getId();
            if (cursor == null || "0-0".equals(cursor)) {
                return;
            }
        }
    }

    private Map<String, Long> deliveryCounts(Lane lane, List<StreamMessage<String, String>> entries) {
        String first = entries.getFirst().getId();
        String last = entries.getLast().getId();
        Map<String, Long> counts = new HashMap<>();
        List<PendingMessage> pending = redis.sync().xpending(lane.key, consumer, Range.create(first, last),
                Limit.from(Math.max(entries.size() * 2L, 100)));
        for (PendingMessage message : pending) {
            counts.put(message.getId(), message.getRedeliveryCount());
        }
        return counts;
    }

    private void removeStaleConsumers(Lane lane) {
        long staleMillis = settings.staleConsumerTimeout().toMillis();
        RedisCommands<String, String> commands = redis.sync();
        for (Map<String, Object> info : RedisStreams.pairList(commands.xinfoConsumers(lane.key, group))) {
            String name = String.valueOf(info.get("name"));
            long pending = RedisStreams.number(info.get("pending"), 1);
            long idle = RedisStreams.number(info.get("idle"), 0);
            if (!name.equals(consumerName) && pending == 0 && idle >= staleMillis) {
                commands.xgroupDelconsumer(lane.key, Consumer.from(group, name));
                lane.staleRemoved.increment();
                log.info("Removed stale consumer {} from {} / {} (idle {} s)", name, lane.key, group, idle / 1000);
            }
        }
    }

    private void refreshGauges() {
        if (!running) {
            return;
        }
        for (Lane lane : lanes) {
            try {
                StreamStates.StreamState state = new StreamStates(redis).read(lane.key);
                lane.length.set(state.length());
                StreamStates.GroupState mine = state.group(group);
                lane.lag.set(mine == null || mine.lag() == null ? 0 : mine.lag());
                lane.pending.set(mine == null ? 0 : mine.pending());
                lane.deadLetters.set(mine == null ? 0 : mine.deadLetters());
            } catch (RuntimeException e) {
                log.debug("Could not refresh gauges of {}: {}", lane.key, e.toString());
            }
        }
    }

    /** Sleeps; false when interrupted (stopping). */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---------------------------------------------------------------- internals

    private record Delivery(StreamMessage<String, String> entry, long deliveries) {
        String id() {
            return entry.getId();
        }
    }

    private record Parsed(Delivery delivery, EventEnvelope envelope) {
    }

    /** A handler's checked exception on its way out of the transaction callback. */
    private static final class HandlerException extends RuntimeException {
        HandlerException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** One stream as this consumer works on it. */
    private final class Lane {
        final StreamDefinition definition;
        final String key;
        final List<EventSubscription<?>> subscriptions;
        final Semaphore permits;
        final Counter processed;
        final Counter duplicates;
        final Counter retried;
        final Counter deadLettered;
        final Counter reclaimed;
        final Counter staleRemoved;
        final Timer handlerTime;
        final Timer batchHandlerTime;
        final AtomicLong length = new AtomicLong();
        final AtomicLong lag = new AtomicLong();
        final AtomicLong pending = new AtomicLong();
        final AtomicLong deadLetters = new AtomicLong();

        Lane(StreamDefinition definition, List<EventSubscription<?>> subscriptions, MeterRegistry meters) {
            this.definition = definition;
            this.key = definition.key();
            this.subscriptions = subscriptions;
            this.permits = new Semaphore(definition.concurrency());
            Tags tags = Tags.of("stream", key, "group", group);
            this.processed = Counter.builder("kaizen.messaging.processed").tags(tags)
                    .description("Events handled and committed").register(meters);
            this.duplicates = Counter.builder("kaizen.messaging.duplicates").tags(tags)
                    .description("Deliveries of events already processed, acknowledged without handling").register(meters);
            this.retried = Counter.builder("kaizen.messaging.retried").tags(tags)
                    .description("Failed deliveries scheduled for another attempt").register(meters);
            this.deadLettered = Counter.builder("kaizen.messaging.dead.lettered").tags(tags)
                    .description("Entries moved to the dead-letter stream").register(meters);
            this.reclaimed = Counter.builder("kaizen.messaging.reclaimed").tags(tags)
                    .description("Entries claimed from consumers that stopped acknowledging").register(meters);
            this.staleRemoved = Counter.builder("kaizen.messaging.consumers.removed").tags(tags)
                    .description("Stale consumers removed from the group").register(meters);
            this.handlerTime = Timer.builder("kaizen.messaging.handler").tags(tags)
                    .description("Time spent in event handlers, per event").register(meters);
            this.batchHandlerTime = Timer.builder("kaizen.messaging.handler.batch").tags(tags)
                    .description("Time spent in batch event handlers, per transaction").register(meters);
            Gauge.builder("kaizen.messaging.stream.length", length, AtomicLong::get).tags(tags)
                    .description("Entries in the stream").register(meters);
            Gauge.builder("kaizen.messaging.lag", lag, AtomicLong::get).tags(tags)
                    .description("Entries not yet delivered to the group").register(meters);
            Gauge.builder("kaizen.messaging.pending", pending, AtomicLong::get).tags(tags)
                    .description("Entries delivered to the group and not yet acknowledged").register(meters);
            Gauge.builder("kaizen.messaging.dead.letters", deadLetters, AtomicLong::get).tags(tags)
                    .description("Entries in the group's dead-letter stream").register(meters);
        }
    }
}
