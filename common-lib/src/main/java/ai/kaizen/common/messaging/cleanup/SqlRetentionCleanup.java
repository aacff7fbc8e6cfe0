package ai.kaizen.common.messaging.cleanup;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes rows older than the retention with a fixed, parameterized statement: the SQL is a constant
 * of the owning service with exactly one {@code ?}, the cutoff timestamp (no string building). For big
 * tables write it to delete a bounded slice, e.g.
 * {@code DELETE FROM analysis_result WHERE id IN (SELECT id FROM analysis_result WHERE created_at < ? LIMIT 5000)};
 * the task repeats it until a slice comes back short.
 */
public final class SqlRetentionCleanup implements CleanupTask {

    private final String name;
    private final JdbcTemplate jdbc;
    private final String deleteSql;
    private final Duration defaultRetention;
    private final int sliceSize;
    private final Clock clock;

    /**
     * @param sliceSize the LIMIT in {@code deleteSql}, or 0 when it deletes everything at once
     */
    public SqlRetentionCleanup(String name, JdbcTemplate jdbc, String deleteSql, Duration defaultRetention,
                               int sliceSize, Clock clock) {
        if (deleteSql.chars().filter(c -> c == '?').count() != 1) {
            throw new IllegalArgumentException("The cleanup statement takes exactly one parameter, the cutoff: " + deleteSql);
        }
        this.name = name;
        this.jdbc = jdbc;
        this.deleteSql = deleteSql;
        this.defaultRetention = defaultRetention;
        this.sliceSize = sliceSize;
        this.clock = clock;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration defaultRetention() {
        return defaultRetention;
    }

    @Override
    public long run(Duration olderThan) {
        OffsetDateTime cutoff = OffsetDateTime.ofInstant(clock.instant().minus(olderThan), ZoneOffset.UTC);
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(deleteSql, cutoff);
            total += deleted;
        } while (sliceSize > 0 && deleted >= sliceSize);
        return total;
    }
}
