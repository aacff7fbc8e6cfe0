package ai.kaizen.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings every service schema up to date: one Flyway run per schema, each with its own history
 * table inside that schema. Run as {@code java -jar db-migrations.jar} by the launcher, compose
 * and the Helm hook; tests call {@link #migrate(DatabaseTarget)}.
 */
public final class Migrator {

    /** Service schemas, in the order they are migrated. */
    public static final List<String> SCHEMAS =
            List.of("auth", "users", "analysis", "chain", "social", "intel", "chat", "notify");

    private Migrator() {
    }

    public static void main(String[] args) {
        DatabaseTarget target = DatabaseTarget.fromEnvironment(System.getenv());
        try {
            if (target.createDatabase()) {
                ensureDatabase(target);
            }
            migrate(target);
        } catch (RuntimeException | SQLException e) {
            System.err.println("Migration failed: " + e.getMessage());
            System.exit(1);
        }
    }

    public static void migrate(DatabaseTarget target) {
        for (String schema : SCHEMAS) {
            MigrateResult result = Flyway.configure()
                    .dataSource(target.url(), target.user(), target.password())
                    .schemas(schema)
                    .defaultSchema(schema)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations("classpath:db/migration/" + schema)
                    .failOnMissingLocations(false)
                    .load()
                    .migrate();
            System.out.printf("schema %-9s %d migration(s) applied, now at version %s%n",
                    schema, result.migrationsExecuted, result.targetSchemaVersion);
        }
    }

    /** Creates the target database when it does not exist yet, connecting to the server's maintenance database. */
    public static void ensureDatabase(DatabaseTarget target) throws SQLException {
        try (Connection admin = DriverManager.getConnection(target.maintenanceUrl(), target.user(), target.password());
             PreparedStatement exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, target.databaseName());
            if (exists.executeQuery().next()) {
                return;
            }
            // CREATE DATABASE takes no bind parameters; the name is validated as a plain identifier first.
            try (var create = admin.createStatement()) {
                create.execute("CREATE DATABASE \"" + target.databaseName() + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: another process won the race
                    throw e;
                }
            }
        }
    }
}
