package ai.kaizen.analysis.store;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps {@code analysis.project_stats} current without making anyone wait: when analyses were stored since the last
 * refresh, a background thread calls {@code analysis.refresh_project_stats()} (REFRESH MATERIALIZED VIEW
 * CONCURRENTLY: readers keep reading the previous contents meanwhile). A transaction-level advisory lock lets only one
 * instance refresh at a time; the others skip that round.
 */
public final class ProjectStatsRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectStatsRefresher.class);
    /** Advisory lock key: any constant shared by all instances. */
    private static final long LOCK = 0x6b7a_7374_6174_73L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Duration interval;
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private volatile @Nullable ScheduledExecutorService executor;

    public ProjectStatsRefresher(JdbcTemplate jdbc, PlatformTransactionManager transactions, Duration interval) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.interval = interval;
    }

    /** Analyses were stored: the next round refreshes. */
    public void markDirty() {
        dirty.set(true);
    }

    /**
     * Refreshes now (when no other instance is refreshing).
     *
     * @return true when this call refreshed the view
     */
    public boolean refreshNow() {
        dirty.set(false);
        Boolean refreshed = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return false;
            }
            jdbc.queryForObject("SELECT refresh_project_stats()::text", String.class);
            return true;
        });
        if (!Boolean.TRUE.equals(refreshed)) {
            dirty.set(true);
        }
        return Boolean.TRUE.equals(refreshed);
    }

    private void round() {
        if (!dirty.get()) {
            return;
        }
        try {
            refreshNow();
        } catch (RuntimeException e) {
            dirty.set(true);
            log.warn("Refreshing project_stats failed; retried next round: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("project-stats-refresh").factory());
        long millis = Math.max(1000, interval.toMillis());
        scheduler.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
        executor = scheduler;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            scheduler.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
