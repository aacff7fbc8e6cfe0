package ai.kaizen.common.messaging;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotency for consumers: the {@code processed_event} row of an event is written in the same
 * transaction as the handler's effects, so an event whose effects committed is recognised on every
 * later delivery and never applied twice.
 */
public final class ProcessedEvents {

    private static final String CLAIM = """
            INSERT INTO processed_event (consumer_group, event_id, stream)
            SELECT ?, event_id, ? FROM unnest(?) AS ids(event_id)
            ON CONFLICT DO NOTHING
            RETURNING event_id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public ProcessedEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * In one transaction: records the events as processed by the group and runs {@code work} with the
     * ids that had not been processed before (a concurrent duplicate waits for the first transaction
     * and then counts as seen). Any exception from {@code work} rolls everything back.
     */
    public void runOnce(String group, String stream, List<UUID> eventIds, Consumer<Set<UUID>> work) {
        transactions.executeWithoutResult(status -> {
            Set<UUID> fresh = new HashSet<>(jdbc.query(connection -> {
                var statement = connection.prepareStatement(CLAIM);
                statement.setString(1, group);
                statement.setString(2, stream);
                Array ids = connection.createArrayOf("uuid", eventIds.toArray());
                statement.setArray(3, ids);
                return statement;
            }, (row, n) -> row.getObject(1, UUID.class)));
            work.accept(fresh);
        });
    }

    public boolean isProcessed(String group, UUID eventId) {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?",
                Integer.class, group, eventId);
        return count != null && count > 0;
    }

    /** Forgets idempotency records older than the cutoff; keep them longer than any redelivery can come. */
    public int deleteOlderThan(Instant cutoff) {
        return jdbc.update("DELETE FROM processed_event WHERE processed_at < ?", Timestamp.from(cutoff));
    }
}
