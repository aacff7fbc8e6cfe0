package ai.kaizen.common.messaging;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delayed and recurring jobs. They are rows of {@code scheduled_job} in the service's PostgreSQL schema,
 * not Redis entries: Redis here runs without persistence, and a schedule must survive a restart of the
 * service and of Redis alike. When a job is due, one transaction (rows locked with SKIP LOCKED, so any
 * number of instances may poll) turns it into an outbox event on its stream and deletes it, or moves a
 * recurring job to its next time. Cron expressions have six fields (seconds first) and run in UTC.
 */
public final class JobScheduler implements SmartLifecycle, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    private static final String DUE = """
            SELECT id, name, stream, type, version, event_key, payload::text AS payload, run_at, cron
            FROM scheduled_job WHERE run_at <= ? ORDER BY run_at LIMIT ? FOR UPDATE SKIP LOCKED""";
    private static final String INSERT = """
            INSERT INTO scheduled_job (id, name, stream, type, version, event_key, payload, run_at, cron)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""";
    private static final String UPSERT_RECURRING = INSERT + """
             ON CONFLICT (name) DO UPDATE SET stream = EXCLUDED.stream, type = EXCLUDED.type,
                version = EXCLUDED.version, event_key = EXCLUDED.event_key, payload = EXCLUDED.payload,
                run_at = CASE WHEN scheduled_job.cron = EXCLUDED.cron THEN scheduled_job.run_at ELSE EXCLUDED.run_at END,
                cron = EXCLUDED.cron""";

    /**
     * A job as stored.
     *
     * @param id    job id
     * @param name  unique name of a recurring job, null for a one-off
     * @param stream where its event goes
     * @param type  event type
     * @param runAt next time it fires
     * @param cron  cron expression of a recurring job
     */
    public record ScheduledJob(UUID id, @Nullable String name, String stream, String type, Instant runAt,
                               @Nullable String cron) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final Envelopes envelopes;
    private final MessagingProperties.Scheduler settings;
    private final Clock clock;
    private final Counter fired;
    private volatile boolean running;
    private @Nullable Thread thread;

    public JobScheduler(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Outbox outbox,
                        MessagingProperties.Scheduler settings, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.outbox = outbox;
        this.envelopes = outbox.envelopes();
        this.settings = settings;
        this.clock = clock;
        this.fired = Counter.builder("kaizen.messaging.jobs.fired")
                .description("Scheduled jobs turned into events").register(meters);
    }

    /** Publishes the payload record (annotated with {@link EventType}) to the stream after the delay. */
    public UUID scheduleAfter(Duration delay, String stream, String key, Object payload) {
        return scheduleAt(clock.instant().plus(delay), stream, key, payload);
    }

    public UUID scheduleAt(Instant when, String stream, String key, Object payload) {
        EventType type = envelopes.typeOf(payload.getClass());
        return scheduleAt(when, stream, type.value(), type.version(), key, payload);
    }

    public UUID scheduleAt(Instant when, String stream, String type, int version, String key, Object payload) {
        UUID id = UuidCreator.getTimeOrderedEpoch();
        jdbc.update(INSERT, id, null, stream, type, version, key, envelopes.write(payload), utc(when), null);
        return id;
    }

    /**
     * Creates or updates the recurring job with this name; it keeps its next fire time if the cron
     * expression is unchanged, so calling this at every start-up is safe.
     */
    public void scheduleRecurring(String name, String cron, String stream, String key, Object payload) {
        EventType type = envelopes.typeOf(payload.getClass());
        scheduleRecurring(name, cron, stream, type.value(), type.version(), key, payload);
    }

    public void scheduleRecurring(String name, String cron, String stream, String type, int version, String key,
                                  Object payload) {
        Instant first = next(cron, clock.instant());
        jdbc.update(UPSERT_RECURRING, UuidCreator.getTimeOrderedEpoch(), name, stream, type, version, key,
                envelopes.write(payload), utc(first), cron);
    }

    public boolean cancel(UUID id) {
        return jdbc.update("DELETE FROM scheduled_job WHERE id = ?", id) > 0;
    }

    public boolean cancel(String name) {
        return jdbc.update("DELETE FROM scheduled_job WHERE name = ?", name) > 0;
    }

    public List<ScheduledJob> jobs() {
        return jdbc.query("SELECT id, name, stream, type, run_at, cron FROM scheduled_job ORDER BY run_at",
                (rs, n) -> new ScheduledJob(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("stream"),
                        rs.getString("type"), rs.getObject("run_at", OffsetDateTime.class).toInstant(), rs.getString("cron")));
    }

    /** Fires the jobs due now (a missed recurring job fires once, then resumes its schedule); returns how many. */
    public int fireDue() {
        Integer count = transactions.execute(status -> {
            Instant now = clock.instant();
            List<Due> due = jdbc.query(DUE, JobScheduler::due, utc(now), settings.batchSize());
            for (Due job : due) {
                outbox.add(job.stream, envelopes.createRaw(job.type, job.version, job.key, job.payload));
                if (job.cron == null) {
                    jdbc.update("DELETE FROM scheduled_job WHERE id = ?", job.id);
                } else {
                    jdbc.update("UPDATE scheduled_job SET run_at = ?, last_fired_at = ? WHERE id = ?",
                            utc(next(job.cron, now)), utc(now), job.id);
                }
            }
            return due.size();
        });
        int fired = count == null ? 0 : count;
        this.fired.increment(fired);
        return fired;
    }

    static Instant next(String cron, Instant after) {
        ZonedDateTime next = CronExpression.parse(cron).next(after.atZone(ZoneOffset.UTC));
        if (next == null) {
            throw new IllegalArgumentException("Cron expression '" + cron + "' never fires after " + after);
        }
        return next.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Due due(ResultSet rs, int n) throws SQLException {
        return new Due(rs.getObject("id", UUID.class), rs.getString("stream"), rs.getString("type"), rs.getInt("version"),
                rs.getString("event_key"), rs.getString("payload"), rs.getString("cron"));
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                int count = fireDue();
                failures = 0;
                if (count == settings.batchSize()) {
                    continue;
                }
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 20 == 0) {
                    log.warn("Firing scheduled jobs failed (attempt {}): {}", failures, e.toString());
                }
            }
            try {
                Thread.sleep(settings.pollInterval().toMillis() * Math.min(1L << Math.min(failures, 4), 16));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running || !settings.enabled()) {
            return; // disabled: jobs can still be scheduled here and fire in another instance
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("kaizen-job-scheduler").start(this::loop);
    }

    @Override
    public void stop() {
        Thread schedulerThread;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            schedulerThread = thread;
        }
        if (schedulerThread != null) {
            schedulerThread.interrupt();
            try {
                schedulerThread.join(5000);
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

    private record Due(UUID id, String stream, String type, int version, String key, String payload,
                       @Nullable String cron) {
    }
}
