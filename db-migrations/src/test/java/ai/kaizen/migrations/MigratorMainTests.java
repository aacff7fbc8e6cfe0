package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@code Migrator.main} as the launcher, compose and the Helm hook run it: configured by environment variables. */
class MigratorMainTests {

    @Test
    void mainCreatesAndMigratesTheDatabaseNamedByTheEnvironment() throws Exception {
        String name = FreshDatabase.randomName();
        try {
            ProcessOutput run = ProcessOutput.run(javaCommand(), Map.of(
                    "KAIZEN_DB_URL", FreshDatabase.SERVER.withDatabase(name).url(),
                    "KAIZEN_DB_USER", FreshDatabase.SERVER.user(),
                    "KAIZEN_DB_PASSWORD", FreshDatabase.SERVER.password()));

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(run.output()).contains("schema users ", "schema notify ");
            assertThat(FreshDatabase.exists(name)).isTrue();
        } finally {
            FreshDatabase.drop(name);
        }
    }

    @Test
    void mainFailsWithExitCodeOneOnABadUrl() throws Exception {
        ProcessOutput run = ProcessOutput.run(javaCommand(), Map.of("KAIZEN_DB_URL", "jdbc:mysql://localhost/kaizen"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Not a PostgreSQL JDBC URL");
    }

    @Test
    void runRefusesAMissingDatabaseWhenCreationIsOff() throws SQLException {
        String name = FreshDatabase.randomName();
        DatabaseTarget target = new DatabaseTarget(FreshDatabase.SERVER.withDatabase(name).url(),
                FreshDatabase.SERVER.user(), FreshDatabase.SERVER.password(), false);

        assertThat(Migrator.run(target)).isEqualTo(1);
        assertThat(FreshDatabase.exists(name)).isFalse();
    }

    @Test
    void ensureDatabaseIsIdempotent() throws SQLException {
        try (FreshDatabase db = FreshDatabase.create()) {
            Migrator.ensureDatabase(db.target);

            assertThat(FreshDatabase.exists(db.target.databaseName())).isTrue();
        }
    }

    private static String[] javaCommand() {
        return new String[] {
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                Migrator.class.getName()};
    }

    /** A finished child process: exit code and combined output. */
    record ProcessOutput(int exitCode, String output) {

        static ProcessOutput run(String[] command, Map<String, String> env) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().keySet().removeIf(key -> key.startsWith("KAIZEN_DB_"));
            builder.environment().putAll(env);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            return new ProcessOutput(process.waitFor(), output);
        }
    }
}
