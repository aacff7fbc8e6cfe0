package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The time-series tables on a server without TimescaleDB (this one): native monthly range
 * partitions plus a default partition, kept ahead by the partition functions.
 */
class TimeSeriesPartitionsTests {

    private static final List<String> TIME_SERIES = List.of(
            "users.api_usage", "analysis.score_history", "chain.blockchain_events", "chain.token_prices",
            "social.social_mentions");

    private static FreshDatabase db;
    private static LocalDate thisMonth;

    @BeforeAll
    static void migrate() throws SQLException {
        db = FreshDatabase.migrated();
        thisMonth = LocalDate.parse(db.single("SELECT date_trunc('month', now() AT TIME ZONE 'UTC')::date::text"));
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void timescaleDbIsAbsentHereSoTheNativePathRan() throws SQLException {
        assumeThat(db.single("SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")).isEqualTo("0");

        assertThat(db.single("SELECT users.ensure_timescaledb()")).isNull();
        assertThat(db.single("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")).isEqualTo("0");
    }

    @Test
    void everyTimeSeriesTableIsRangePartitionedOnTime() throws SQLException {
        for (String table : TIME_SERIES) {
            assertThat(db.single("""
                    SELECT pt.partstrat::text || ':' || a.attname FROM pg_partitioned_table pt
                      JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
                     WHERE pt.partrelid = ?::regclass
                    """, table)).as(table).isEqualTo("r:time");
        }
    }

    @Test
    void eachHasPartitionsFromLastMonthToThreeMonthsAheadAndADefault() throws SQLException {
        for (String table : TIME_SERIES) {
            List<String> expected = new ArrayList<>();
            for (int offset = -1; offset <= 3; offset++) {
                LocalDate month = thisMonth.plusMonths(offset);
                expected.add("%s_y%04dm%02d: FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')".formatted(
                        table, month.getYear(), month.getMonthValue(), month, month.plusMonths(1)));
            }
            expected.add(table + "_default: DEFAULT");

            // Other tests here add further months, so this checks presence, not the exact set.
            assertThat(partitionsOf(table)).as(table).containsAll(expected).filteredOn(p -> p.endsWith("DEFAULT")).hasSize(1);
        }
    }

    @Test
    void rowsLandInTheirMonthAndFarFutureRowsInTheDefault() throws SQLException {
        String insert = "INSERT INTO analysis.score_history (time, network, contract_address, kaizen_score)"
                + " VALUES (?, 'ethereum', '0xdAC17F958D2ee523a2206206994597C13D831ec7', 90) RETURNING tableoid::regclass::text";
        OffsetDateTime now = OffsetDateTime.parse(db.single("SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"));

        assertThat(db.single(insert, now)).isEqualTo("analysis.score_history_y%04dm%02d".formatted(now.getYear(), now.getMonthValue()));
        assertThat(db.single(insert, now.plusYears(5))).isEqualTo("analysis.score_history_default");
        assertThat(db.single(insert, now.minusYears(5))).isEqualTo("analysis.score_history_default");
    }

    @Test
    void creatingMonthsIsIdempotentAndExtendsFurther() throws SQLException {
        assertThat(db.single("SELECT chain.create_monthly_partitions('chain.token_prices', 3)")).isEqualTo("0");

        assertThat(db.single("SELECT chain.create_monthly_partitions('chain.token_prices', 6)")).isEqualTo("3");
        assertThat(db.single("SELECT chain.create_monthly_partitions('chain.token_prices', 6)")).isEqualTo("0");

        LocalDate sixAhead = thisMonth.plusMonths(6);
        assertThat(partitionsOf("chain.token_prices")).hasSize(9).contains(
                "chain.token_prices_y%04dm%02d: FOR VALUES FROM ('%s 00:00:00+00') TO ('%s 00:00:00+00')".formatted(
                        sixAhead.getYear(), sixAhead.getMonthValue(), sixAhead, sixAhead.plusMonths(1)));
        // New partitions get the parent's indexes and checks.
        String partition = "chain.token_prices_y%04dm%02d".formatted(sixAhead.getYear(), sixAhead.getMonthValue());
        assertThat(db.single("SELECT count(*) FROM pg_indexes WHERE schemaname || '.' || tablename = ?", partition)).isEqualTo("2");
        assertThatThrownBy(() -> db.update("INSERT INTO " + partition + " (time, contract_address, network, price_usd, data_source)"
                + " VALUES (?, 'x', 'ethereum', -1, 'dex')", sixAhead.atStartOfDay().atOffset(ZoneOffset.UTC)))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23514");
    }

    @Test
    void creatingAMonthMovesItsRowsOutOfTheDefaultPartition() throws SQLException {
        OffsetDateTime farAhead = thisMonth.plusYears(5).plusMonths(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String insert = "INSERT INTO social.social_mentions (time, contract_address, platform, post_id)"
                + " VALUES (?, 'So11111111111111111111111111111111111111112', 'telegram', ?) RETURNING tableoid::regclass::text";
        assertThat(db.single(insert, farAhead.plusDays(3), "a")).isEqualTo("social.social_mentions_default");
        assertThat(db.single(insert, farAhead.minusSeconds(1), "b")).as("the month before").isEqualTo("social.social_mentions_default");
        assertThat(db.single(insert, farAhead.plusMonths(1), "c")).as("the month after").isEqualTo("social.social_mentions_default");

        assertThat(db.single("SELECT social.create_monthly_partition('social.social_mentions', ?)", farAhead.toLocalDate().plusDays(10)))
                .isEqualTo("t");
        assertThat(db.single("SELECT social.create_monthly_partition('social.social_mentions', ?)", farAhead.toLocalDate()))
                .as("already there").isEqualTo("f");

        String month = "social.social_mentions_y%04dm%02d".formatted(farAhead.getYear(), farAhead.getMonthValue());
        assertThat(db.column("SELECT post_id || '@' || tableoid::regclass::text FROM social.social_mentions"
                + " WHERE platform = 'telegram' ORDER BY post_id"))
                .containsExactly("a@" + month, "b@social.social_mentions_default", "c@social.social_mentions_default");
        assertThat(db.single(insert, farAhead.plusDays(20), "d")).isEqualTo(month);
        // The unique key still holds across the move.
        assertThat(db.update("INSERT INTO social.social_mentions (time, contract_address, platform, post_id)"
                + " VALUES (?, 'x', 'telegram', 'a') ON CONFLICT DO NOTHING", farAhead.plusDays(3))).isZero();
    }

    @Test
    void rejectsNonsenseArgumentsAndLeavesOtherTablesAlone() throws SQLException {
        assertThatThrownBy(() -> db.single("SELECT users.create_monthly_partitions('users.api_usage', -1)"))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
        assertThat(db.single("SELECT users.create_monthly_partitions('users.user_activity', 3)"))
                .as("not partitioned: nothing to do").isEqualTo("0");
        db.update("CREATE TABLE users.by_list (kind text) PARTITION BY LIST (kind)");
        try {
            assertThatThrownBy(() -> db.single("SELECT users.create_monthly_partitions('users.by_list', 3)"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42809");
        } finally {
            db.update("DROP TABLE users.by_list");
        }
    }

    @Test
    void everyMigrationRunCreatesMissingUpcomingPartitions() throws SQLException {
        LocalDate last = thisMonth.plusMonths(3);
        String partition = "users.api_usage_y%04dm%02d".formatted(last.getYear(), last.getMonthValue());
        db.update("DROP TABLE " + partition);
        assertThat(db.single("SELECT to_regclass(?)::text", partition)).isNull();

        List<Migrator.SchemaResult> results = Migrator.migrateAll(db.target);

        assertThat(results).allSatisfy(r -> assertThat(r.migrationsExecuted()).isZero());
        assertThat(db.single("SELECT to_regclass(?)::text", partition)).isEqualTo(partition);
    }

    @Test
    void withTimescaleDbATableBecomesAHypertableOfTheSameShape() throws SQLException {
        // Stands in for TimescaleDB's API (absent here) to prove the hypertable branch's SQL.
        db.update("CREATE SCHEMA fake_timescale");
        db.update("CREATE TABLE fake_timescale.calls (relation regclass, time_column name)");
        db.update("CREATE FUNCTION fake_timescale.create_hypertable(relation regclass, time_column_name name) RETURNS void"
                + " LANGUAGE sql AS 'INSERT INTO fake_timescale.calls VALUES (relation, time_column_name)'");
        db.update("""
                CREATE TABLE chain.probe_series (
                    time timestamptz NOT NULL,
                    amount numeric(10, 2) NOT NULL DEFAULT 0 CHECK (amount >= 0)
                ) PARTITION BY RANGE (time)
                """);
        try {
            assertThat(db.single("SELECT chain.setup_time_series('chain.probe_series', 'fake_timescale')")).isEqualTo("hypertable");

            assertThat(db.single("SELECT relation::text || '/' || time_column FROM fake_timescale.calls"))
                    .isEqualTo("chain.probe_series/time");
            assertThat(db.single("SELECT relkind FROM pg_class WHERE oid = 'chain.probe_series'::regclass")).isEqualTo("r");
            assertThat(db.single("SELECT to_regclass('chain.probe_series_shape')::text")).isNull();
            assertThat(db.single("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'chain.probe_series'::regclass"))
                    .isEqualTo("0");
            assertThat(db.single("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'chain.probe_series'::regclass"
                    + " AND contype = 'c'")).isEqualTo("CHECK ((amount >= (0)::numeric))");
            assertThat(db.single("SELECT chain.create_monthly_partitions('chain.probe_series', 3)"))
                    .as("hypertables need no monthly partitions").isEqualTo("0");
        } finally {
            db.update("DROP TABLE chain.probe_series");
            db.update("DROP SCHEMA fake_timescale CASCADE");
        }
    }

    private static List<String> partitionsOf(String table) throws SQLException {
        return db.column("""
                SELECT c.oid::regclass::text || ': ' || pg_get_expr(c.relpartbound, c.oid)
                  FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = ?::regclass
                """, table);
    }
}
