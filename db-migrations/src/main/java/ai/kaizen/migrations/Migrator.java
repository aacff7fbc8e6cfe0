package ai.kaizen.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;

/**
 * Brings every service schema up to date: one Flyway run per schema, each with its own history
 * table inside that schema. Run as {@code java -jar db-migrations-*-exec.jar} by the launcher,
 * compose and the Helm hook; tests call {@link #migrate(DatabaseTarget)}.
 *
 * <p>Schemas owning time-series tables also get {@code classpath:db/migration/timeseries}: the
 * partition/hypertable functions (version 0.1, before the schema's own V1) and an
 * {@code afterMigrate} callback that creates monthly partitions ahead on every run. Every schema
 * gets {@code classpath:db/migration/messaging}: the outbox, processed-event and scheduled-job
 * tables (V2) that common-lib's messaging uses, written once for all schemas.
 */
public final class Migrator {

    /** Service schemas, in the order they are migrated. */
    public static final List<String> SCHEMAS =
            List.of("auth", "users", "analysis", "chain", "social", "intel", "chat", "notify");

    /** Schemas with time-series tables (hypertables with TimescaleDB, monthly partitions without). */
    public static final Set<String> TIME_SERIES_SCHEMAS = Set.of("users", "analysis", "chain", "social");

    static final String HISTORY_TABLE = "flyway_schema_history";

    /** What one schema's Flyway run did. */
    public record SchemaResult(String schema, int migrationsExecuted, @Nullable String version) {
    }

    private Migrator() {
    }

    public static void main(String[] args) {
        System.exit(run(DatabaseTarget.fromEnvironment(System.getenv())));
    }

    /** Ensures the database (when asked to), migrates it and reports; returns the process exit code. */
    static int run(DatabaseTarget target) {
        try {
            if (target.createDatabase()) {
                ensureDatabase(target);
            }
            for (SchemaResult result : migrateAll(target)) {
                System.out.printf("schema %-9s %d migration(s) applied, now at version %s%n",
                        result.schema(), result.migrationsExecuted(), result.version());
            }
            return 0;
        } catch (RuntimeException | SQLException e) {
            System.err.println("Migration of " + target.url() + " failed: " + e.getMessage());
            return 1;
        }
    }

    public static void migrate(DatabaseTarget target) {
        migrateAll(target);
    }

    /** Migrates every schema in {@link #SCHEMAS} order and says what each run applied. */
    public static List<SchemaResult> migrateAll(DatabaseTarget target) {
        List<SchemaResult> results = new ArrayList<>(SCHEMAS.size());
        for (String schema : SCHEMAS) {
            MigrateResult result = flyway(target, schema).migrate();
            results.add(new SchemaResult(schema, result.migrationsExecuted, result.targetSchemaVersion));
        }
        return List.copyOf(results);
    }

    static Flyway flyway(DatabaseTarget target, String schema) {
        List<String> locations = new ArrayList<>(3);
        locations.add("classpath:db/migration/" + schema);
        locations.add("classpath:db/migration/messaging");
        if (TIME_SERIES_SCHEMAS.contains(schema)) {
            locations.add("classpath:db/migration/timeseries");
        }
        return Flyway.configure()
                .dataSource(target.url(), target.user(), target.password())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY_TABLE)
                .locations(locations.toArray(String[]::new))
                .failOnMissingLocations(false)
                .validateMigrationNaming(true)
                .load();
    }

    /** Creates the target database when it does not exist yet, connecting to the server's maintenance database. */
    public static void ensureDatabase(DatabaseTarget target) throws SQLException {
        try (Connection admin = DriverManager.getConnection(target.maintenanceUrl(), target.user(), target.password());
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, target.databaseName());
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            // CREATE DATABASE takes no bind parameters; the name is validated as a plain identifier first.
            try (Statement create = admin.createStatement()) {
                create.execute("CREATE DATABASE \"" + target.databaseName() + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another process won the race
                    throw e;
                }
            }
        }
    }
}
