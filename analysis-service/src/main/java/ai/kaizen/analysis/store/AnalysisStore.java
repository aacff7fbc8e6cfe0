package ai.kaizen.analysis.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.analysis.scoring.RiskLevel;
import ai.kaizen.common.events.AnalysisCompleted;
import ai.kaizen.common.events.AnalysisEvents;
import ai.kaizen.common.events.PillarScores;
import ai.kaizen.common.events.ScoreChanged;
import ai.kaizen.common.messaging.Outbox;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores analyses and reads history; all SQL is parameterized. */
public final class AnalysisStore {

    /** A score moving by more than this many points publishes {@link ScoreChanged}. */
    public static final int SCORE_CHANGE_THRESHOLD = 10;

    /**
     * What storing did.
     *
     * @param analysisId         the stored analysis
     * @param previousScore      the token's score before it, null for its first analysis
     * @param previousAnalysisId the analysis with that score
     * @param scoreChanged       whether a score-changed event was published
     */
    public record Saved(UUID analysisId, @Nullable Integer previousScore, @Nullable UUID previousAnalysisId,
                        boolean scoreChanged) {
    }

    /** One point of a token's score series. */
    public record HistoryPoint(Instant time, int kaizenScore, String riskLevel, int technical, int economic,
                               int social, int governance, @Nullable UUID analysisId) {
    }

    /** A row of the project_stats view (as of its last refresh). */
    public record ProjectStats(long analysisCount, @Nullable Double averageScore, @Nullable Instant lastAnalysis,
                               long uniqueAnalyzers) {
    }

    private static final String UPSERT_PROJECT = """
            INSERT INTO projects (contract_address, network, token_symbol, token_name, last_updated)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (contract_address, network) DO UPDATE
               SET token_symbol = COALESCE(EXCLUDED.token_symbol, projects.token_symbol),
                   token_name = COALESCE(EXCLUDED.token_name, projects.token_name),
                   last_updated = EXCLUDED.last_updated,
                   is_active = true
            RETURNING id""";
    private static final String PREVIOUS = """
            SELECT id, kaizen_score, risk_level FROM analysis_results
             WHERE project_id = ? ORDER BY created_at DESC, id DESC LIMIT 1""";
    private static final String INSERT_RESULT = """
            INSERT INTO analysis_results (id, project_id, user_id, kaizen_score, risk_level, confidence,
                   technical_score, economic_score, social_score, governance_score, analysis_depth,
                   processing_time_ms, data_quality_score, full_analysis, alerts, findings, coverage, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?)""";
    private static final String INSERT_POINT = """
            INSERT INTO score_history (time, network, contract_address, kaizen_score, technical_score,
                   economic_score, social_score, governance_score, analysis_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private static final String HISTORY = """
            SELECT time, kaizen_score, technical_score, economic_score, social_score, governance_score, analysis_id
              FROM (SELECT * FROM score_history WHERE network = ? AND contract_address = ?
                     ORDER BY time DESC LIMIT ?) recent
             ORDER BY time ASC, analysis_id""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Outbox outbox;
    private final ProjectStatsRefresher stats;

    public AnalysisStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox,
                         ProjectStatsRefresher stats) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        // Its own transaction even inside a job's: the analysis stands whatever happens to the job afterwards.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.outbox = outbox;
        this.stats = stats;
    }

    /**
     * In one transaction: upserts the project (locking its row, so analyses of one token are stored one at a time),
     * inserts the result and its score point, and adds analysis completed (and score changed) to the outbox.
     */
    public Saved save(NewAnalysis analysis) {
        Saved saved = ownTransaction.execute(status -> {
            OffsetDateTime at = utc(analysis.analyzedAt());
            UUID projectId = jdbc.queryForObject(UPSERT_PROJECT, UUID.class, analysis.contractAddress(),
                    analysis.network(), clip(analysis.tokenSymbol(), 64), clip(analysis.tokenName(), 255), at);
            List<Previous> previous = jdbc.query(PREVIOUS, (rs, n) -> new Previous(rs.getObject("id", UUID.class),
                    rs.getInt("kaizen_score"), rs.getString("risk_level")), projectId);
            jdbc.update(INSERT_RESULT, analysis.id(), projectId, analysis.userId(), analysis.kaizenScore(),
                    analysis.riskLevel(), ratio(analysis.confidence()), analysis.technical(), analysis.economic(),
                    analysis.social(), analysis.governance(), analysis.depth(),
                    (int) Math.min(Integer.MAX_VALUE, Math.max(0, analysis.processingTimeMs())),
                    ratio(analysis.dataQuality()), analysis.fullAnalysisJson(), analysis.alertsJson(),
                    analysis.findingsJson(), analysis.coverageJson(), at);
            jdbc.update(INSERT_POINT, at, analysis.network(), analysis.contractAddress(), analysis.kaizenScore(),
                    analysis.technical(), analysis.economic(), analysis.social(), analysis.governance(), analysis.id());
            Previous before = previous.isEmpty() ? null : previous.getFirst();
            String key = AnalysisEvents.key(analysis.network(), analysis.contractAddress());
            PillarScores pillars = new PillarScores(analysis.technical(), analysis.economic(), analysis.social(),
                    analysis.governance());
            outbox.add(AnalysisEvents.STREAM.key(), key, new AnalysisCompleted(analysis.id(), analysis.network(),
                    analysis.contractAddress(), analysis.tokenSymbol(), analysis.kaizenScore(), analysis.riskLevel(),
                    analysis.confidence(), pillars, analysis.depth(), analysis.trigger(), analysis.userId(),
                    analysis.jobId(), before == null ? null : before.score(), analysis.analyzedAt()));
            boolean changed = before != null && Math.abs(analysis.kaizenScore() - before.score()) > SCORE_CHANGE_THRESHOLD;
            if (changed) {
                outbox.add(AnalysisEvents.STREAM.key(), key, new ScoreChanged(analysis.network(),
                        analysis.contractAddress(), before.score(), analysis.kaizenScore(),
                        analysis.kaizenScore() - before.score(), before.riskLevel(), analysis.riskLevel(),
                        analysis.id(), before.id(), analysis.analyzedAt()));
            }
            return new Saved(analysis.id(), before == null ? null : before.score(), before == null ? null : before.id(),
                    changed);
        });
        stats.markDirty();
        return java.util.Objects.requireNonNull(saved);
    }

    /** The most recent {@code limit} points of a token's score series, oldest first. */
    public List<HistoryPoint> history(String network, String contractAddress, int limit) {
        return jdbc.query(HISTORY, (rs, n) -> {
            int score = rs.getInt("kaizen_score");
            return new HistoryPoint(rs.getTimestamp("time").toInstant(), score, RiskLevel.of(score).label(),
                    rs.getInt("technical_score"), rs.getInt("economic_score"), rs.getInt("social_score"),
                    rs.getInt("governance_score"), rs.getObject("analysis_id", UUID.class));
        }, network, contractAddress, limit);
    }

    public Optional<ProjectStats> stats(String network, String contractAddress) {
        return jdbc.query("""
                SELECT analysis_count, avg_score, last_analysis, unique_analyzers FROM project_stats
                 WHERE network = ? AND contract_address = ?""", (rs, n) -> {
            BigDecimal average = rs.getBigDecimal("avg_score");
            Timestamp last = rs.getTimestamp("last_analysis");
            return new ProjectStats(rs.getLong("analysis_count"),
                    average == null ? null : average.setScale(2, RoundingMode.HALF_UP).doubleValue(),
                    last == null ? null : last.toInstant(), rs.getLong("unique_analyzers"));
        }, network, contractAddress).stream().findFirst();
    }

    /** Whether the token was analysed at or after {@code since}. */
    public boolean analyzedSince(String network, String contractAddress, Instant since) {
        Boolean found = jdbc.queryForObject("""
                SELECT EXISTS (SELECT 1 FROM analysis_results r JOIN projects p ON p.id = r.project_id
                                WHERE p.network = ? AND p.contract_address = ? AND r.created_at >= ?)""",
                Boolean.class, network, contractAddress, utc(since));
        return Boolean.TRUE.equals(found);
    }

    /** The stored API answer of an analysis. */
    public Optional<String> fullAnalysis(UUID analysisId) {
        return jdbc.query("SELECT full_analysis::text FROM analysis_results WHERE id = ?",
                (rs, n) -> rs.getString(1), analysisId).stream().findFirst();
    }

    private record Previous(UUID id, int score, String riskLevel) {
    }

    private static BigDecimal ratio(double value) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, value))).setScale(2, RoundingMode.HALF_UP);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable String clip(@Nullable String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
