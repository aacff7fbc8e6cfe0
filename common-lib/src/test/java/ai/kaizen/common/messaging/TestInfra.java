package ai.kaizen.common.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.migrations.Migrator;
import ai.kaizen.testsupport.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Real infrastructure for the messaging tests: the local Redis (unique stream keys per test, never
 * restarted) and a schema of its own in {@code kaizen_test}, created from the real V2 messaging
 * migration, plus an {@code effect} table without a unique constraint so a double effect would show.
 */
final class TestInfra {

    static final String REDIS_URI = System.getenv().getOrDefault("KAIZEN_TEST_REDIS_URI", "redis://localhost:6379");
    static final String MIGRATION = "db/migration/messaging/V2__messaging.sql";

    private TestInfra() {
    }

    static String uniqueKey(String name) {
        return "test:" + name + ":" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static RedisStreams redis() {
        return RedisStreams.connect(REDIS_URI, Duration.ofSeconds(5));
    }

    static String migrationSql() {
        try (InputStream in = TestInfra.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            if (in == null) {
                throw new IllegalStateException(MIGRATION + " is not on the test class path (install db-migrations)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates a fresh schema with the messaging tables and an effect table. */
    static Schema schema(String prefix) {
        try {
            Migrator.ensureDatabase(new DatabaseTarget(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD, true));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create " + TestDatabase.URL, e);
        }
        String name = (prefix + "_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE))
                .toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + name); // a test-generated identifier, [a-z0-9_] only
            statement.execute("SET search_path TO " + name);
            statement.execute(migrationSql());
            statement.execute("CREATE TABLE effect (job text NOT NULL, event_id uuid NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create schema " + name + ": " + e.getMessage(), e);
        }
        return new Schema(name, dataSource(name, 12));
    }

    static String jdbcUrl(String schema) {
        return TestDatabase.URL + "?currentSchema=" + schema;
    }

    static HikariDataSource dataSource(String schema, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(schema));
        config.setUsername(TestDatabase.USER);
        config.setPassword(TestDatabase.PASSWORD);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("test-" + schema);
        return new HikariDataSource(config);
    }

    record Schema(String name, HikariDataSource dataSource) implements AutoCloseable {

        JdbcTemplate jdbc() {
            return new JdbcTemplate(dataSource);
        }

        DataSourceTransactionManager transactions() {
            return new DataSourceTransactionManager(dataSource);
        }

        ProcessedEvents processedEvents() {
            return new ProcessedEvents(jdbc(), transactions());
        }

        long count(String sql, Object... args) {
            Long value = jdbc().queryForObject(sql, Long.class, args);
            return value == null ? 0 : value;
        }

        @Override
        public void close() {
            dataSource.close();
            try (Connection connection = DriverManager.getConnection(TestDatabase.URL, TestDatabase.USER, TestDatabase.PASSWORD);
                 Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
