package ai.kaizen.common.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows. Each run locks a batch of unsent rows with FOR UPDATE SKIP LOCKED (so relays in
 * several instances never take the same row), appends them to their streams, and marks them sent in
 * the same transaction. A crash after the XADD and before the commit leaves the rows unsent: they are
 * published again and consumers recognise the event ids. Rows remember the Redis run id they went to;
 * when Redis comes back as a new run (a restart without persistence loses the streams), rows sent within
 * the republish window are published again, so Redis is never the only copy of an event.
 */
public final class OutboxRelay implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final BackoffPolicy FAILURE_BACKOFF = new BackoffPolicy(Duration.ofMillis(200), Duration.ofSeconds(10), 2.0, 0.2);
    private static final String COLUMNS = "id, stream, type, version, event_key, producer, occurred_at, traceparent, payload::text AS payload";
    private static final String UNSENT = "SELECT " + COLUMNS
            + " FROM outbox_event WHERE sent_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String SENT_TO_OTHER_RUN = "SELECT " + COLUMNS
            + " FROM outbox_event WHERE sent_at > ? AND redis_run_id IS DISTINCT FROM ? ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String MARK_SENT = "UPDATE outbox_event SET sent_at = ?, redis_run_id = ? WHERE id = ANY(?)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final RedisStreams redis;
    private final StreamWriter writer;
    private final MessagingProperties.Outbox settings;
    private final Duration publishTimeout;
    private final Clock clock;
    private final Counter relayed;
    private final Counter republished;
    private final Object wakeUp = new Object();
    private boolean woken;
    private volatile @Nullable String lastRunId;
    private volatile boolean running;
    private @Nullable Thread thread;

    public OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, RedisStreams redis,
                       StreamWriter writer, MessagingProperties.Outbox settings, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.redis = redis;
        this.writer = writer;
        this.settings = settings;
        this.publishTimeout = redis.commandTimeout();
        this.clock = Clock.systemUTC();
        this.relayed = Counter.builder("kaizen.messaging.outbox.relayed")
                .description("Outbox rows published and marked sent").register(meters);
        this.republished = Counter.builder("kaizen.messaging.outbox.republished")
                .description("Sent outbox rows published again because Redis restarted").register(meters);
    }

    /** Makes the relay run now instead of at its next poll. */
    public void wakeUp() {
        synchronized (wakeUp) {
            woken = true;
            wakeUp.notifyAll();
        }
    }

    /**
     * Publishes what is due: first, after a Redis restart, the rows sent to the previous run; then one
     * batch of unsent rows.
     *
     * @return rows published
     */
    public int relayOnce() {
        String runId = redis.runId();
        int published = 0;
        if (!runId.equals(lastRunId)) {
            OffsetDateTime since = OffsetDateTime.ofInstant(clock.instant().minus(settings.republishWindow()), ZoneOffset.UTC);
            int batch;
            do {
                batch = relayBatch(SENT_TO_OTHER_RUN, runId, since);
                republished.increment(batch);
                published += batch;
            } while (batch == settings.batchSize());
            if (published > 0) {
                log.info("Redis is a new run ({}): published {} recently sent outbox events again", runId, published);
            }
            lastRunId = runId;
        }
        int fresh = relayBatch(UNSENT, runId, null);
        relayed.increment(fresh);
        return published + fresh;
    }

    private int relayBatch(String query, String runId, @Nullable OffsetDateTime since) {
        Integer count = transactions.execute(status -> {
            List<Row> rows = since == null
                    ? jdbc.query(query, OutboxRelay::row, settings.batchSize())
                    : jdbc.query(query, OutboxRelay::row, since, runId, settings.batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            publish(rows);
            jdbc.update(connection -> {
                var statement = connection.prepareStatement(MARK_SENT);
                statement.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                statement.setString(2, runId);
                statement.setArray(3, connection.createArrayOf("uuid", rows.stream().map(row -> row.envelope.id()).toArray()));
                return statement;
            });
            return rows.size();
        });
        return count == null ? 0 : count;
    }

    private void publish(List<Row> rows) {
        List<CompletableFuture<String>> writes = new ArrayList<>(rows.size());
        for (Row row : rows) {
            writes.add(writer.write(row.stream, row.envelope));
        }
        try {
            CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new))
                    .get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing outbox rows", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Publishing outbox rows failed; they stay unsent: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not confirm outbox rows in " + publishTimeout + "; they stay unsent", e);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        EventEnvelope envelope = new EventEnvelope(rs.getObject("id", UUID.class), rs.getString("type"),
                rs.getInt("version"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("producer"), rs.getString("event_key"), rs.getString("traceparent"), rs.getString("payload"));
        return new Row(rs.getString("stream"), envelope);
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                int published = relayOnce();
                if (failures > 0) {
                    log.info("Outbox relay publishing again after {} failed attempt(s)", failures);
                    failures = 0;
                }
                if (published > 0) {
                    continue;
                }
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 20 == 0) {
                    log.warn("Outbox relay failed (attempt {}): {}", failures, e.toString());
                }
                pause(FAILURE_BACKOFF.delay(Math.min(failures, 16), java.util.concurrent.ThreadLocalRandom.current()));
                continue;
            }
            pause(settings.pollInterval());
        }
    }

    private void pause(Duration duration) {
        synchronized (wakeUp) {
            if (!woken && running) {
                try {
                    wakeUp.wait(Math.max(1, duration.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("kaizen-outbox-relay").start(this::loop);
    }

    @Override
    public void stop() {
        Thread relayThread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            relayThread = thread;
        }
        wakeUp();
        if (relayThread != null) {
            try {
                relayThread.join(publishTimeout.toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        stop();
    }

    private record Row(String stream, EventEnvelope envelope) {
    }
}
