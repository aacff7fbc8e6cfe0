package ai.kaizen.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A database of its own on the local PostgreSQL ({@code kaizen_mig_<random>}), created for one test
 * class and dropped afterwards. The server comes from KAIZEN_TEST_DB_URL/USER/PASSWORD, as in
 * test-support.
 */
final class FreshDatabase implements AutoCloseable {

    static final DatabaseTarget SERVER = new DatabaseTarget(
            env("KAIZEN_TEST_DB_URL", "jdbc:postgresql://localhost:5432/kaizen_test"),
            env("KAIZEN_TEST_DB_USER", "postgres"),
            env("KAIZEN_TEST_DB_PASSWORD", ""),
            true);

    final DatabaseTarget target;

    private FreshDatabase(DatabaseTarget target) {
        this.target = target;
    }

    /** A new, empty database (not migrated). */
    static FreshDatabase create() throws SQLException {
        FreshDatabase db = new FreshDatabase(SERVER.withDatabase(randomName()));
        Migrator.ensureDatabase(db.target);
        return db;
    }

    /** A new database with every migration applied. */
    static FreshDatabase migrated() throws SQLException {
        FreshDatabase db = create();
        Migrator.migrate(db.target);
        return db;
    }

    static String randomName() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "kaizen_mig_" + HexFormat.of().formatHex(bytes);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(target.url(), target.user(), target.password());
    }

    /** Runs one statement in its own connection (autocommit) and returns the update count. */
    int update(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    /** The first column of every row. */
    List<String> column(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    /** The first column of the single row. */
    String single(String sql, Object... params) throws SQLException {
        List<String> values = column(sql, params);
        if (values.size() != 1) {
            throw new IllegalStateException("expected one row, got " + values.size() + " for " + sql);
        }
        return values.getFirst();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
    }

    static boolean exists(String databaseName) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER.maintenanceUrl(), SERVER.user(), SERVER.password());
             PreparedStatement ps = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            ps.setString(1, databaseName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    static void drop(String databaseName) throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER.maintenanceUrl(), SERVER.user(), SERVER.password());
             Statement st = admin.createStatement()) {
            // The name comes from randomName(): a plain identifier.
            st.execute("DROP DATABASE IF EXISTS \"" + databaseName + "\" WITH (FORCE)");
        }
    }

    @Override
    public void close() throws SQLException {
        drop(target.databaseName());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
