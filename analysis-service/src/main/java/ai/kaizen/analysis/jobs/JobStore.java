package ai.kaizen.analysis.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.analysis.analyze.TokenId;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.common.messaging.Queues;
import com.github.f4b6a3.uuid.UuidCreator;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** analysis_jobs: every read of a user's job filters on its owner. */
public final class JobStore {

    /** One contract to queue. */
    public record Request(TokenId token, Depth depth) {
    }

    private static final String COLUMNS = "id, user_id, batch_id, kind, network, contract_address, depth, status, "
            + "analysis_id, error, attempts, created_at, updated_at, completed_at";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;
    private final Outbox outbox;
    private final Clock clock;

    public JobStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Creates the jobs and queues them on {@code queue:analysis}, all in one transaction. */
    public List<UUID> queue(UUID userId, @Nullable UUID batchId, String kind, List<Request> requests) {
        return Objects.requireNonNull(transaction.execute(status -> {
            OffsetDateTime now = utc(clock.instant());
            List<UUID> ids = new ArrayList<>();
            for (Request request : requests) {
                UUID id = UuidCreator.getTimeOrderedEpoch();
                jdbc.update("INSERT INTO analysis_jobs (id, user_id, batch_id, kind, network, contract_address, depth, "
                                + "status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)",
                        id, userId, batchId, kind, request.token().network(), request.token().address(),
                        request.depth().label(), now, now);
                outbox.add(Queues.ANALYSIS.key(), id.toString(), new AnalysisJobRequested(id));
                ids.add(id);
            }
            return ids;
        }));
    }

    /** The job, only if {@code userId} owns it. */
    public Optional<Job> find(UUID id, UUID userId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM analysis_jobs WHERE id = ? AND user_id = ?", JobStore::job,
                id, userId).stream().findFirst();
    }

    /**
     * Marks a queued or running job as running (one more attempt), in its own transaction so that its owner sees it
     * at once; empty when the job is unknown or already finished.
     */
    public Optional<Job> start(UUID id) {
        return ownTransaction.execute(status -> jdbc.query("UPDATE analysis_jobs SET status = 'running', "
                        + "attempts = attempts + 1, updated_at = ? WHERE id = ? AND status IN ('queued', 'running') "
                        + "RETURNING " + COLUMNS, JobStore::job, utc(clock.instant()), id).stream().findFirst());
    }

    /** In the caller's transaction. */
    public void complete(UUID id, @Nullable UUID analysisId) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.update("UPDATE analysis_jobs SET status = 'completed', analysis_id = ?, error = NULL, updated_at = ?, "
                + "completed_at = ? WHERE id = ?", analysisId, now, now, id);
    }

    /** In the caller's transaction. */
    public void fail(UUID id, String error) {
        OffsetDateTime now = utc(clock.instant());
        jdbc.update("UPDATE analysis_jobs SET status = 'failed', error = ?, updated_at = ?, completed_at = ? "
                + "WHERE id = ?", error.length() > 2000 ? error.substring(0, 2000) : error, now, now, id);
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        return new Job(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
                rs.getObject("batch_id", UUID.class), rs.getString("kind"), rs.getString("network"),
                rs.getString("contract_address"), rs.getString("depth"), rs.getString("status"),
                rs.getObject("analysis_id", UUID.class), rs.getString("error"), rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                rs.getTimestamp("completed_at") == null ? null : instant(rs.getTimestamp("completed_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
