package ai.kaizen.common.messaging;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: a service that changes PostgreSQL and must tell others adds the event here,
 * inside the same transaction. The row commits (or rolls back) with the business change, and
 * {@link OutboxRelay} publishes it afterwards, so a crash between commit and XADD loses nothing.
 */
public final class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, stream, type, version, event_key, producer, occurred_at, traceparent, payload)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

    private final JdbcTemplate jdbc;
    private final Envelopes envelopes;
    private volatile @Nullable Runnable afterCommit;

    public Outbox(JdbcTemplate jdbc, Envelopes envelopes) {
        this.jdbc = jdbc;
        this.envelopes = envelopes;
    }

    /** Called after a transaction that added events commits (the relay wakes up instead of waiting for its poll). */
    public void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    public Envelopes envelopes() {
        return envelopes;
    }

    /** Adds an event for a payload record annotated with {@link EventType}; must run inside a transaction. */
    public EventEnvelope add(String stream, String key, Object payload) {
        EventEnvelope envelope = envelopes.create(key, payload);
        add(stream, envelope);
        return envelope;
    }

    public EventEnvelope add(String stream, String type, int version, String key, Object payload) {
        EventEnvelope envelope = envelopes.create(type, version, key, payload);
        add(stream, envelope);
        return envelope;
    }

    public void add(String stream, EventEnvelope envelope) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.add must run inside the transaction that makes the business change "
                    + "(annotate the caller @Transactional or use a TransactionTemplate)");
        }
        jdbc.update(INSERT, envelope.id(), stream, envelope.type(), envelope.version(), envelope.key(),
                envelope.producer(), OffsetDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC),
                envelope.traceparent(), envelope.payload());
        Runnable wake = afterCommit;
        if (wake != null && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.run();
                }
            });
        }
    }
}
