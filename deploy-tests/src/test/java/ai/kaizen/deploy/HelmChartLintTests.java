package ai.kaizen.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

/** A real Helm lints the chart strictly, and refuses broken templates and bad or secret values. */
class HelmChartLintTests {

    @Test
    void chartPassesStrictLint() {
        LintResult result = new Helm(KaizenServices.CHART).lint().strict().call();

        assertThat(result.isFailed()).as("lint messages: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void lintFailsOnABrokenTemplate(@TempDir Path dir) throws IOException {
        Path chart = copyChart(dir);
        Files.writeString(chart.resolve("templates/broken.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: {{ .Values.services.nope.port.missing }}
                """);

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("broken.yaml");
    }

    @Test
    void lintFailsWhenValuesBreakTheSchema(@TempDir Path dir) throws IOException {
        Path chart = copyChart(dir);
        Path values = chart.resolve("values.yaml");
        Files.writeString(values, Files.readString(values).replace("    port: 8084", "    port: eighty-eighty-four"));

        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains("services.data-service.port: Invalid type");
    }

    @Test
    void renderingRefusesAnInvalidPort() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of("services.user-service.port", 70000)))
                .hasMessageContaining("services.user-service.port: Must be less than or equal to 65535");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("services.user-service.port", "http")))
                .hasMessageContaining("services.user-service.port: Invalid type. Expected: integer");
    }

    @Test
    void renderingRefusesAnHpaWhoseMinimumExceedsItsMaximum() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of(
                "services.chat-service.hpa.min", 5,
                "services.chat-service.hpa.max", 2)))
                .hasMessageContaining("services.chat-service.hpa.min (5) is greater than hpa.max (2)");
    }

    @Test
    void valuesCannotCarrySecrets() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of("database.password", "hunter2")))
                .as("the database password only comes from database.existingSecret")
                .hasMessageContaining("database: Additional property password is not allowed");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("services.chat-service.env.OPENAI_API_KEY", "sk-123")))
                .as("secret-looking plain env is refused; secretEnv references a Secret instead")
                .hasMessageContaining("services.chat-service.env: Property name of \"OPENAI_API_KEY\" does not match");
        assertThatThrownBy(() -> RenderedChart.render(Map.of("jwt.signingKey.privateKey", "-----BEGIN PRIVATE KEY-----")))
                .hasMessageContaining("jwt.signingKey: Additional property privateKey is not allowed");
    }

    @Test
    void misspelledKeysAreRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> RenderedChart.render(Map.of("services.auth-service.replica", 3)))
                .hasMessageContaining("services.auth-service: Additional property replica is not allowed");
    }

    private static Path copyChart(Path dir) throws IOException {
        Path copy = dir.resolve("kaizen");
        try (Stream<Path> files = Files.walk(KaizenServices.CHART)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(KaizenServices.CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return copy;
    }
}
