package ai.kaizen.common.messaging.cleanup;

import java.time.Clock;
import java.time.Duration;

import org.springframework.jdbc.core.JdbcTemplate;

/** The cleanup tasks of the messaging tables every service schema has. */
public final class MessagingTablesCleanup {

    static final int SLICE = 5000;

    private MessagingTablesCleanup() {
    }

    /** {@code outbox-sent}: sent outbox rows past their retention (keep them longer than the republish window). */
    public static CleanupTask outboxSent(JdbcTemplate jdbc, Duration retention, Clock clock) {
        return new SqlRetentionCleanup("outbox-sent", jdbc, """
                DELETE FROM outbox_event WHERE id IN (
                    SELECT id FROM outbox_event WHERE sent_at < ? LIMIT 5000)""", retention, SLICE, clock);
    }

    /** {@code processed-events}: idempotency records past their retention. */
    public static CleanupTask processedEvents(JdbcTemplate jdbc, Duration retention, Clock clock) {
        return new SqlRetentionCleanup("processed-events", jdbc, """
                DELETE FROM processed_event WHERE (consumer_group, event_id) IN (
                    SELECT consumer_group, event_id FROM processed_event WHERE processed_at < ? LIMIT 5000)""",
                retention, SLICE, clock);
    }
}
