package ai.kaizen.testsupport;

import java.sql.SQLException;

import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.migrations.Migrator;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The project's own test database on the local PostgreSQL (never the shared {@code test} one),
 * created and migrated once per JVM with the real migrations.
 */
public final class TestDatabase {

    public static final String URL = System.getenv().getOrDefault("KAIZEN_TEST_DB_URL",
            "jdbc:postgresql://localhost:5432/kaizen_test");
    public static final String USER = System.getenv().getOrDefault("KAIZEN_TEST_DB_USER", "postgres");
    public static final String PASSWORD = System.getenv().getOrDefault("KAIZEN_TEST_DB_PASSWORD", "");

    private static boolean migrated;

    private TestDatabase() {
    }

    public static synchronized DatabaseTarget migrated() {
        DatabaseTarget target = new DatabaseTarget(URL, USER, PASSWORD, true);
        if (!migrated) {
            try {
                Migrator.ensureDatabase(target);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot create the test database " + URL + ": " + e.getMessage(), e);
            }
            Migrator.migrate(target);
            migrated = true;
        }
        return target;
    }

    /** Points the service's datasource at the migrated test database, in the given schema. */
    public static void register(DynamicPropertyRegistry registry, String schema) {
        DatabaseTarget target = migrated();
        registry.add("spring.datasource.url", () -> target.url() + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", target::user);
        registry.add("spring.datasource.password", target::password);
    }
}
