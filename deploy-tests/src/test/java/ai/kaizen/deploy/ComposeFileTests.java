package ai.kaizen.deploy;

import static ai.kaizen.deploy.Yamls.at;
import static ai.kaizen.deploy.Yamls.list;
import static ai.kaizen.deploy.Yamls.map;
import static ai.kaizen.deploy.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kaizen.deploy.KaizenServices.Service;

/** docker-compose.yml, read as YAML (anchors and merge keys resolved as Compose resolves them). */
class ComposeFileTests {

    private static final List<String> BACKENDS =
            KaizenServices.names().stream().filter(name -> !name.equals("gateway-service")).toList();

    private static Map<String, Object> services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        Object compose = Yamls.safe().load(Files.readString(KaizenServices.REPO.resolve("docker-compose.yml")));
        services = map(compose, "services");
    }

    @Test
    void namesEveryServicePlusPostgresRedisAndTheMigrator() {
        assertThat(services.keySet())
                .containsAll(KaizenServices.names())
                .contains("postgres", "redis", "migrator")
                .hasSize(KaizenServices.ALL.size() + 3);
    }

    @Test
    void postgresIsTimescaleAndRedisIsSevenBothWithHealthchecks() {
        assertThat(string(services, "postgres.image")).matches("timescale/timescaledb:[\\w.-]*pg1[56]");
        assertThat(list(services, "postgres.healthcheck.test").toString()).contains("pg_isready");
        assertThat(string(services, "redis.image")).startsWith("redis:7");
        assertThat(list(services, "redis.healthcheck.test")).contains("redis-cli", "ping");
    }

    @Test
    void migratorIsAOneShotBuiltFromTheMigratorTargetAfterAHealthyDatabase() {
        Map<String, Object> migrator = map(services, "migrator");

        assertThat(at(migrator, "restart")).isEqualTo("no");
        assertThat(string(migrator, "build.target")).isEqualTo("migrator");
        assertThat(string(migrator, "depends_on.postgres.condition")).isEqualTo("service_healthy");
        assertThat(map(migrator, "environment"))
                .containsEntry("KAIZEN_DB_URL", "jdbc:postgresql://postgres:5432/kaizen")
                .containsKeys("KAIZEN_DB_USER", "KAIZEN_DB_PASSWORD", "KAIZEN_DB_CREATE");
    }

    @Test
    void everyBackendWaitsForTheMigratorAndHealthyPostgresAndRedis() {
        for (String backend : BACKENDS) {
            assertThat(map(services, backend + ".depends_on")).as(backend).containsOnlyKeys("migrator", "postgres", "redis");
            assertThat(string(services, backend + ".depends_on.migrator.condition")).as(backend)
                    .isEqualTo("service_completed_successfully");
            assertThat(string(services, backend + ".depends_on.postgres.condition")).as(backend).isEqualTo("service_healthy");
            assertThat(string(services, backend + ".depends_on.redis.condition")).as(backend).isEqualTo("service_healthy");
        }
    }

    @Test
    void theGatewayWaitsForRedisAndEveryBackendToBeHealthyAndPublishes8080() {
        Map<String, Object> dependsOn = map(services, "gateway-service.depends_on");

        assertThat(dependsOn.keySet()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(BACKENDS.stream(), Stream.of("redis")).toList());
        dependsOn.forEach((name, condition) ->
                assertThat(string(condition, "condition")).as(name).isEqualTo("service_healthy"));
        assertThat(list(services, "gateway-service.ports")).map(String::valueOf).containsExactly("8080:8080");
        for (String backend : BACKENDS) {
            assertThat(at(services, backend + ".ports")).as("%s stays internal", backend).isNull();
        }
    }

    @Test
    void everyServiceBuildsItsModuleAndHealthchecksItsReadinessOnItsPort() {
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> s = map(services, service.name());
            assertThat(string(s, "build.context")).isEqualTo(".");
            assertThat(string(s, "build.args.SERVICE")).isEqualTo(service.name());
            assertThat(string(s, "build.args.SERVER_PORT")).isEqualTo(String.valueOf(service.port()));
            assertThat(string(s, "image")).startsWith("kaizen/" + service.name() + ":");
            assertThat(list(s, "healthcheck.test")).as(service.name()).containsExactly(
                    "CMD", "curl", "-fsS", "-o", "/dev/null",
                    "http://localhost:" + service.port() + KaizenServices.READINESS);
        }
    }

    @Test
    void everyServiceGetsTheSharedEnvContract() {
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> env = map(services, service.name() + ".environment");
            assertThat(env).as(service.name())
                    .containsEntry("SERVER_PORT", String.valueOf(service.port()))
                    .containsEntry("REDIS_HOST", "redis")
                    .containsEntry("REDIS_PORT", "6379")
                    .containsEntry("KAIZEN_JWKS_URI", "http://auth-service:8081/.well-known/jwks.json")
                    .containsEntry("KAIZEN_JWT_ISSUER", "http://auth-service:8081")
                    .containsEntry("KAIZEN_JWT_AUDIENCE", "kaizen")
                    .containsKey("LOG_FORMAT");
            if (service.name().equals("gateway-service")) {
                assertThat(env).doesNotContainKeys("KAIZEN_DB_URL", "KAIZEN_DB_PASSWORD");
                for (String backend : BACKENDS) {
                    int port = KaizenServices.named(backend).port();
                    String variable = "KAIZEN_" + backend.replace("-service", "").toUpperCase() + "_URL";
                    assertThat(env).containsEntry(variable, "http://" + backend + ":" + port);
                }
            } else {
                assertThat(env).containsEntry("KAIZEN_DB_URL", "jdbc:postgresql://postgres:5432/kaizen")
                        .containsKeys("KAIZEN_DB_USER", "KAIZEN_DB_PASSWORD");
            }
        }
    }

    @Test
    void onlyAuthRunsTheDevProfileForItsEphemeralSigningKey() {
        for (Service service : KaizenServices.ALL) {
            Object profile = at(services, service.name() + ".environment.SPRING_PROFILES_ACTIVE");
            assertThat(profile).as(service.name()).isEqualTo(service.name().equals("auth-service") ? "dev" : null);
        }
    }

    @Test
    void passwordsComeFromTheEnvironmentNeverFromTheFile() {
        for (String name : List.of("postgres", "migrator", "auth-service", "user-service")) {
            Map<String, Object> env = map(services, name + ".environment");
            env.forEach((key, value) -> {
                if (key.contains("PASSWORD")) {
                    assertThat(String.valueOf(value)).as("%s.%s", name, key).startsWith("${KAIZEN_DB_PASSWORD:?");
                }
            });
        }
    }
}
