package ai.kaizen.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and .dockerignore, checked statically (no Docker engine here): parsed into
 * stages of instructions, with backslash continuations joined and comments dropped.
 */
class DockerfileTests {

    private static final Pattern FROM = Pattern.compile("(?i)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?$");

    private static Map<String, String> args;
    private static Map<String, Stage> stages;

    record Stage(String name, String base, List<String> instructions) {

        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.regionMatches(true, 0, keyword + " ", 0, keyword.length() + 1))
                    .map(i -> i.substring(keyword.length() + 1).trim())
                    .toList();
        }

        String last(String keyword) {
            List<String> found = all(keyword);
            return found.isEmpty() ? null : found.getLast();
        }
    }

    @BeforeAll
    static void parse() throws IOException {
        args = new LinkedHashMap<>();
        stages = new LinkedHashMap<>();
        Stage current = null;
        for (String instruction : instructions(Files.readString(KaizenServices.REPO.resolve("Dockerfile")))) {
            Matcher from = FROM.matcher(instruction);
            if (from.matches()) {
                String base = from.group(1);
                current = new Stage(from.group(2), args.getOrDefault(base.replaceAll("^\\$\\{(\\w+)}$", "$1"), base), new ArrayList<>());
                stages.put(current.name(), current);
            } else if (current == null && instruction.startsWith("ARG ")) {
                String[] arg = instruction.substring(4).split("=", 2);
                args.put(arg[0], arg.length > 1 ? arg[1] : "");
            } else if (current != null) {
                current.instructions().add(instruction);
            }
        }
    }

    @Test
    void buildsOnJdk25AndRunsOnTheTemurin25Jre() {
        assertThat(stages.get("sources").base()).startsWith("maven:").contains("eclipse-temurin-25");
        assertThat(stages.get("runtime-base").base()).isEqualTo("eclipse-temurin:25-jre");
        assertThat(stages.get("service").base()).isEqualTo("runtime-base");
        assertThat(stages.get("migrator").base()).isEqualTo("runtime-base");
        assertThat(stages.keySet().stream().toList().getLast())
                .as("the service image is the default target").isEqualTo("service");
    }

    @Test
    void serviceStageTakesTheModuleAsBuildArgAndBuildsOnlyIt() {
        assertThat(stages.get("service-build").all("ARG")).contains("SERVICE");
        assertThat(stages.get("service").all("ARG")).contains("SERVICE");
        String build = String.join("\n", stages.get("service-build").all("RUN"));
        assertThat(build).contains("${SERVICE:?").contains("mvn -B -q -pl \"${SERVICE}\" -am package");
        assertThat(build).contains("-Djarmode=tools").contains("extract --layers --launcher --destination /layers");
    }

    @Test
    void serviceImageCopiesBootLayersAndStartsTheJarLauncher() {
        Stage service = stages.get("service");
        assertThat(service.all("COPY")).containsExactly(
                "--from=service-build /layers/dependencies/ ./",
                "--from=service-build /layers/spring-boot-loader/ ./",
                "--from=service-build /layers/snapshot-dependencies/ ./",
                "--from=service-build /layers/application/ ./");
        assertThat(service.last("ENTRYPOINT")).contains("org.springframework.boot.loader.launch.JarLauncher");
        assertThat(service.last("ENV")).isEqualTo("SERVER_PORT=${SERVER_PORT}");
    }

    @Test
    void imagesRunAsANonRootUser() {
        for (String name : List.of("service", "migrator")) {
            String user = stages.get(name).last("USER");
            assertThat(user).as(name).isNotNull();
            String uid = user.split(":")[0];
            assertThat(uid).as(name).isNotIn("root", "0").matches("\\d+");
            assertThat(Integer.parseInt(uid)).isGreaterThanOrEqualTo(10000);
            List<String> instructions = stages.get(name).instructions();
            assertThat(instructions.getLast()).as("nothing after the user switch runs as root in %s", name)
                    .startsWith("ENTRYPOINT");
        }
        assertThat(String.join("\n", stages.get("runtime-base").all("RUN"))).contains("useradd --system --uid 10001");
    }

    @Test
    void healthCheckProbesReadinessWithAToolTheImageInstalls() {
        String healthcheck = stages.get("service").last("HEALTHCHECK");
        assertThat(healthcheck).contains("CMD curl").contains("/actuator/health/readiness").contains("${SERVER_PORT}");
        assertThat(String.join("\n", stages.get("runtime-base").all("RUN"))).contains("install -y --no-install-recommends curl");
    }

    @Test
    void migratorTargetRunsTheExecJar() {
        String build = String.join("\n", stages.get("migrator-build").all("RUN"));
        assertThat(build).contains("-pl db-migrations -am package").contains("db-migrations-*-exec.jar");
        assertThat(stages.get("migrator").all("COPY")).containsExactly("--from=migrator-build /migrator.jar /app/migrator.jar");
        assertThat(stages.get("migrator").last("ENTRYPOINT")).contains("\"-jar\", \"/app/migrator.jar\"");
    }

    @Test
    void everyCopyFromNamesAnEarlierStage() {
        List<String> seen = new ArrayList<>();
        for (Stage stage : stages.values()) {
            for (String copy : stage.all("COPY")) {
                Matcher from = Pattern.compile("--from=(\\S+)").matcher(copy);
                if (from.find()) {
                    assertThat(seen).as("COPY %s in %s", copy, stage.name()).contains(from.group(1));
                }
            }
            seen.add(stage.name());
        }
    }

    @Test
    void dockerignoreKeepsBuildOutputOutButEveryMavenModuleIn() throws IOException {
        List<String> ignored = Files.readAllLines(KaizenServices.REPO.resolve(".dockerignore")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(ignored).contains("**/target", ".git", "**/node_modules");

        String pom = Files.readString(KaizenServices.REPO.resolve("pom.xml"));
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        assertThat(modules).contains("common-lib", "db-migrations");
        for (String m : modules) {
            assertThat(ignored).as("module %s must be in the build context", m)
                    .noneMatch(pattern -> pattern.equals(m) || pattern.equals(m + "/") || pattern.equals("**/" + m));
        }
    }

    /** Dockerfile instructions: comments and blank lines dropped, continuation lines joined. */
    private static List<String> instructions(String dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.split("\n")) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            current.append(line);
            instructions.add(current.toString().replaceAll("\\s+", " ").trim());
            current.setLength(0);
        }
        return instructions;
    }
}
