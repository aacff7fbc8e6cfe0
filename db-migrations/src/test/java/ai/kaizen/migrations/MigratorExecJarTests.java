package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.kaizen.migrations.MigratorMainTests.ProcessOutput;
import org.junit.jupiter.api.Test;

/**
 * The packaged {@code *-exec.jar} as deployments run it ({@code java -jar}). Runs in the
 * integration-test phase (failsafe), after the jar is built.
 */
class MigratorExecJarTests {

    private static final Path JAR = Path.of(System.getProperty("kaizen.execJar", "target/missing-exec.jar"));

    @Test
    void theExecJarMigratesTheDatabaseFromEnvironmentVariables() throws Exception {
        assertThat(JAR).exists();
        String name = FreshDatabase.randomName();
        try {
            ProcessOutput run = ProcessOutput.run(command(), Map.of(
                    "KAIZEN_DB_URL", FreshDatabase.SERVER.withDatabase(name).url(),
                    "KAIZEN_DB_USER", FreshDatabase.SERVER.user(),
                    "KAIZEN_DB_PASSWORD", FreshDatabase.SERVER.password()));

            assertThat(run.exitCode()).as(run.output()).isZero();
            for (String schema : Migrator.SCHEMAS) {
                assertThat(run.output()).contains("schema " + schema + " ");
            }

            ProcessOutput again = ProcessOutput.run(command(), Map.of(
                    "KAIZEN_DB_URL", FreshDatabase.SERVER.withDatabase(name).url(),
                    "KAIZEN_DB_USER", FreshDatabase.SERVER.user(),
                    "KAIZEN_DB_PASSWORD", FreshDatabase.SERVER.password()));
            assertThat(again.exitCode()).as(again.output()).isZero();
            assertThat(again.output()).contains("schema users     0 migration(s) applied");
        } finally {
            FreshDatabase.drop(name);
        }
    }

    @Test
    void theExecJarExitsNonZeroWhenTheDatabaseIsUnreachable() throws Exception {
        assertThat(Files.exists(JAR)).isTrue();

        ProcessOutput run = ProcessOutput.run(command(), Map.of(
                "KAIZEN_DB_URL", "jdbc:postgresql://127.0.0.1:1/kaizen?connectTimeout=2"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("Migration of jdbc:postgresql://127.0.0.1:1/kaizen");
    }

    private static String[] command() {
        return new String[] {Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()};
    }
}
