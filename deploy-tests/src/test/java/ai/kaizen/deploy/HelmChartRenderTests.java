package ai.kaizen.deploy;

import static ai.kaizen.deploy.RenderedChart.annotations;
import static ai.kaizen.deploy.RenderedChart.component;
import static ai.kaizen.deploy.RenderedChart.objectName;
import static ai.kaizen.deploy.Yamls.at;
import static ai.kaizen.deploy.Yamls.list;
import static ai.kaizen.deploy.Yamls.map;
import static ai.kaizen.deploy.Yamls.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.kaizen.deploy.KaizenServices.Service;

/** Renders the chart with a real Helm and checks the objects it makes. */
class HelmChartRenderTests {

    private static final Pattern SECRET_LOOKING = Pattern.compile("(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)$");

    private static RenderedChart defaults;

    @BeforeAll
    static void renderDefaults() {
        defaults = RenderedChart.render();
    }

    @Test
    void rendersExactlyOneDeploymentAndServicePerService() {
        List<String> expected = KaizenServices.names().stream().map(RenderedChart::objectName).toList();

        assertThat(defaults.names("Deployment")).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(defaults.names("Service")).containsExactlyInAnyOrderElementsOf(expected);
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> deployment = defaults.get("Deployment", objectName(service.name()));
            Map<String, Object> svc = defaults.get("Service", objectName(service.name()));
            assertThat(component(deployment)).isEqualTo(service.name());
            assertThat(map(deployment, "spec.template.metadata.labels"))
                    .as("pod labels of %s carry its Service selector", service.name())
                    .containsAllEntriesOf(map(svc, "spec.selector"));
            assertThat(map(deployment, "spec.selector.matchLabels")).isEqualTo(map(svc, "spec.selector"));
            assertThat(at(svc, "spec.ports[0].port")).isEqualTo(service.port());
            assertThat(string(svc, "spec.ports[0].targetPort")).isEqualTo("http");
        }
    }

    @Test
    void everyContainerProbesTheActuatorGroupsOnItsOwnPort() {
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> container = container(defaults, service.name());
            assertThat(string(container, "name")).isEqualTo(service.name());
            assertThat(probe(container, "livenessProbe")).isEqualTo(KaizenServices.LIVENESS + " on " + service.port());
            assertThat(probe(container, "readinessProbe")).isEqualTo(KaizenServices.READINESS + " on " + service.port());
            assertThat(probe(container, "startupProbe")).isEqualTo(KaizenServices.LIVENESS + " on " + service.port());
            assertThat(string(container, "livenessProbe.httpGet.path"))
                    .as("liveness never includes the database or other dependencies")
                    .doesNotContainIgnoringCase("db").doesNotContain("readiness");
            assertThat(map(defaults.get("Deployment", objectName(service.name())), "spec.template.metadata.annotations"))
                    .containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(service.port()));
            assertThat(configMap(defaults, service.name())).containsEntry("SERVER_PORT", String.valueOf(service.port()));
        }
    }

    @Test
    void everyContainerHasResourcesAndRunsHardened() {
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> deployment = defaults.get("Deployment", objectName(service.name()));
            Map<String, Object> container = container(defaults, service.name());
            assertThat(map(container, "resources.requests")).containsKeys("cpu", "memory");
            assertThat(map(container, "resources.limits")).containsKey("memory");
            assertThat(at(deployment, "spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat((Integer) at(deployment, "spec.template.spec.securityContext.runAsUser")).isPositive();
            assertThat(at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(at(container, "securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(list(container, "securityContext.capabilities.drop")).containsExactly("ALL");
            assertThat(list(container, "volumeMounts")).anySatisfy(mount -> assertThat(string(mount, "mountPath")).isEqualTo("/tmp"));
            assertThat(at(deployment, "spec.template.spec.automountServiceAccountToken")).isEqualTo(false);
        }
    }

    @Test
    void everyEnabledServiceGetsAnHpaOnItsDeploymentAndLeavesReplicasToIt() {
        assertThat(defaults.names("HorizontalPodAutoscaler"))
                .containsExactlyInAnyOrderElementsOf(KaizenServices.names().stream().map(RenderedChart::objectName).toList());
        for (Service service : KaizenServices.ALL) {
            Map<String, Object> hpa = defaults.get("HorizontalPodAutoscaler", objectName(service.name()));
            assertThat(string(hpa, "apiVersion")).isEqualTo("autoscaling/v2");
            assertThat(string(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(string(hpa, "spec.scaleTargetRef.name")).isEqualTo(objectName(service.name()));
            assertThat((Integer) at(hpa, "spec.minReplicas")).isPositive()
                    .isLessThanOrEqualTo((Integer) at(hpa, "spec.maxReplicas"));
            assertThat(string(hpa, "spec.metrics[0].resource.name")).isEqualTo("cpu");
            assertThat(string(hpa, "spec.metrics[0].resource.target.type")).isEqualTo("Utilization");
            assertThat(at(defaults.get("Deployment", objectName(service.name())), "spec.replicas"))
                    .as("the HPA owns the replica count").isNull();
        }
    }

    @Test
    void disablingAnHpaRemovesItAndPinsTheReplicas() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "services.intel-service.hpa.enabled", false,
                "services.intel-service.replicas", 3));

        assertThat(chart.find("HorizontalPodAutoscaler", objectName("intel-service"))).isEmpty();
        assertThat(chart.ofKind("HorizontalPodAutoscaler")).hasSize(8);
        assertThat(at(chart.get("Deployment", objectName("intel-service")), "spec.replicas")).isEqualTo(3);
    }

    @Test
    void onlyTheGatewayHasAnIngress() {
        assertThat(defaults.ofKind("Ingress")).hasSize(1);
        Map<String, Object> ingress = defaults.ofKind("Ingress").getFirst();
        assertThat(component(ingress)).isEqualTo("gateway-service");
        for (Object rule : list(ingress, "spec.rules")) {
            for (Object path : list(rule, "http.paths")) {
                assertThat(string(path, "backend.service.name")).isEqualTo(objectName("gateway-service"));
                assertThat(string(path, "backend.service.port.name")).isEqualTo("http");
            }
        }
    }

    @Test
    void ingressClassHostsAndTlsAreConfigurable() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "ingress.className", "gce",
                "ingress.hosts[0].host", "api.kaizen.test",
                "ingress.hosts[0].paths[0].path", "/",
                "ingress.hosts[0].paths[0].pathType", "Prefix",
                "ingress.tls[0].secretName", "kaizen-tls",
                "ingress.tls[0].hosts[0]", "api.kaizen.test"));

        Map<String, Object> ingress = chart.get("Ingress", objectName("gateway-service"));
        assertThat(string(ingress, "spec.ingressClassName")).isEqualTo("gce");
        assertThat(string(ingress, "spec.rules[0].host")).isEqualTo("api.kaizen.test");
        assertThat(string(ingress, "spec.tls[0].secretName")).isEqualTo("kaizen-tls");
        assertThat(list(ingress, "spec.tls[0].hosts")).containsExactly("api.kaizen.test");
    }

    @Test
    void ingressCanBeTurnedOffAndFollowsTheGateway() {
        assertThat(RenderedChart.render(Map.of("ingress.enabled", false)).ofKind("Ingress")).isEmpty();
        assertThat(RenderedChart.render(Map.of("services.gateway-service.enabled", false)).ofKind("Ingress")).isEmpty();
    }

    @Test
    void migratorRunsAsPreInstallAndPreUpgradeHookBeforeEverythingElse() {
        Map<String, Object> job = defaults.get("Job", objectName("migrator"));

        assertThat(annotations(job))
                .containsEntry("helm.sh/hook", "pre-install,pre-upgrade")
                .containsKeys("helm.sh/hook-weight", "helm.sh/hook-delete-policy");
        assertThat(Integer.parseInt((String) annotations(job).get("helm.sh/hook-weight"))).isNegative();
        assertThat((String) annotations(job).get("helm.sh/hook-delete-policy")).contains("before-hook-creation");
        assertThat(string(job, "spec.template.spec.restartPolicy")).isEqualTo("Never");
        Map<String, Object> container = map(job, "spec.template.spec.containers[0]");
        assertThat(string(container, "image")).isEqualTo("kaizen/db-migrations:0.1.0-SNAPSHOT");
        assertThat(env(container)).containsEntry("KAIZEN_DB_URL", "jdbc:postgresql://kaizen-postgresql:5432/kaizen")
                .containsEntry("KAIZEN_DB_USER", "kaizen")
                .containsEntry("KAIZEN_DB_CREATE", "false")
                .containsEntry("KAIZEN_DB_PASSWORD", "secret:kaizen-database/password");
        assertThat(at(container, "envFrom"))
                .as("a pre-install hook runs before the chart's ConfigMaps exist").isNull();
        assertThat(at(job, "spec.template.spec.serviceAccountName"))
                .as("nor does the chart's ServiceAccount exist yet").isNull();
        assertThat(RenderedChart.render(Map.of("migrator.enabled", false)).ofKind("Job")).isEmpty();
    }

    @Test
    void noSecretIsRenderedAndSecretReferencesNameTheConfiguredExistingSecrets() {
        assertThat(defaults.ofKind("Secret")).isEmpty();
        assertNoSecretValues(defaults);

        Map<String, String> auth = env(container(defaults, "auth-service"));
        assertThat(auth).containsEntry("KAIZEN_DB_PASSWORD", "secret:kaizen-database/password")
                .containsEntry("KAIZEN_JWT_PRIVATE_KEY", "secret:kaizen-jwt-signing-key/private-key.pem")
                .containsEntry("KAIZEN_JWT_KEY_ID", "secret:kaizen-jwt-signing-key/key-id");
        for (Service service : KaizenServices.ALL) {
            Map<String, String> env = env(container(defaults, service.name()));
            if (!service.name().equals("auth-service")) {
                assertThat(env).as("only auth-service gets the signing key").doesNotContainKeys("KAIZEN_JWT_PRIVATE_KEY", "KAIZEN_JWT_KEY_ID");
            }
            if (service.name().equals("gateway-service")) {
                assertThat(env).as("the gateway has no database").doesNotContainKey("KAIZEN_DB_PASSWORD");
            } else {
                assertThat(env).containsEntry("KAIZEN_DB_PASSWORD", "secret:kaizen-database/password");
            }
        }
        assertThat(env(container(defaults, "analysis-service")))
                .containsEntry("KAIZEN_ANALYSIS_API_KEY", "secret:kaizen-analysis-api-key/api-key");
        assertThat(secretRefNames(defaults))
                .containsExactlyInAnyOrder("kaizen-database", "kaizen-jwt-signing-key", "kaizen-analysis-api-key");
    }

    @Test
    void secretReferencesFollowTheSecretNamesInValues() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "database.existingSecret", "cloudsql-password",
                "database.passwordKey", "db-password",
                "jwt.signingKey.existingSecret", "jwt-es256",
                "redis.existingSecret", "memorystore-auth",
                "services.social-service.secretEnv[0].name", "KAIZEN_X_BEARER_TOKEN",
                "services.social-service.secretEnv[0].secretName", "x-api",
                "services.social-service.secretEnv[0].key", "bearer-token",
                "services.chat-service.envFromSecrets[0]", "llm-keys"));

        assertThat(chart.ofKind("Secret")).isEmpty();
        assertNoSecretValues(chart);
        assertThat(secretRefNames(chart))
                .containsExactlyInAnyOrder("cloudsql-password", "jwt-es256", "memorystore-auth", "x-api", "llm-keys",
                        "kaizen-analysis-api-key");
        assertThat(env(container(chart, "user-service")))
                .containsEntry("KAIZEN_DB_PASSWORD", "secret:cloudsql-password/db-password")
                .containsEntry("SPRING_DATA_REDIS_PASSWORD", "secret:memorystore-auth/password");
        assertThat(env(container(chart, "auth-service"))).containsEntry("KAIZEN_JWT_KEY_ID", "secret:jwt-es256/key-id");
        assertThat(env(container(chart, "social-service"))).containsEntry("KAIZEN_X_BEARER_TOKEN", "secret:x-api/bearer-token");
        assertThat(list(container(chart, "chat-service"), "envFrom"))
                .anySatisfy(ref -> assertThat(string(ref, "secretRef.name")).isEqualTo("llm-keys"));
        assertThat(env(map(chart.get("Job", objectName("migrator")), "spec.template.spec.containers[0]")))
                .containsEntry("KAIZEN_DB_PASSWORD", "secret:cloudsql-password/db-password");
    }

    @Test
    void servicesShareOneConfigMapWithDatabaseRedisJwtAndEveryServiceUrl() {
        Map<String, Object> common = map(defaults.get("ConfigMap", objectName("common")), "data");

        assertThat(common)
                .containsEntry("KAIZEN_DB_URL", "jdbc:postgresql://kaizen-postgresql:5432/kaizen")
                .containsEntry("KAIZEN_DB_USER", "kaizen")
                .containsEntry("REDIS_HOST", "kaizen-redis")
                .containsEntry("REDIS_PORT", "6379")
                .containsEntry("KAIZEN_JWT_ISSUER", "http://kaizen-auth-service:8081")
                .containsEntry("KAIZEN_JWKS_URI", "http://kaizen-auth-service:8081/.well-known/jwks.json")
                .containsEntry("KAIZEN_JWT_AUDIENCE", "kaizen")
                .containsEntry("LOG_FORMAT", "ecs");
        for (Service service : KaizenServices.ALL) {
            String variable = "KAIZEN_" + service.name().replace("-service", "").toUpperCase() + "_URL";
            assertThat(common).containsEntry(variable, "http://" + objectName(service.name()) + ":" + service.port());
        }
        for (Service service : KaizenServices.ALL) {
            assertThat(list(container(defaults, service.name()), "envFrom"))
                    .extracting(ref -> string(ref, "configMapRef.name"))
                    .contains(objectName("common"), objectName(service.name()));
        }
    }

    @Test
    void plainEnvAndExtraSpringConfigReachTheService() {
        RenderedChart chart = RenderedChart.render(Map.of(
                "services.data-service.env.KAIZEN_CHAIN_RPC_URL", "http://anvil:8545",
                "services.auth-service.env.KAIZEN_ACCESS_TOKEN_TTL", "10m",
                "services.data-service.config.kaizen.ingest.batch-size", 500,
                "jwt.issuer", "https://kaizen.example"));

        assertThat(configMap(chart, "data-service")).containsEntry("KAIZEN_CHAIN_RPC_URL", "http://anvil:8545");
        assertThat(configMap(chart, "auth-service"))
                .as("settings that merely mention tokens are plain config").containsEntry("KAIZEN_ACCESS_TOKEN_TTL", "10m");
        Map<String, Object> extra = chart.get("ConfigMap", objectName("data-service") + "-config");
        Object springConfig = Yamls.safe().load((String) map(extra, "data").get("application.yml"));
        assertThat(at(springConfig, "kaizen.ingest.batch-size")).isEqualTo(500);
        Map<String, Object> deployment = chart.get("Deployment", objectName("data-service"));
        assertThat(list(deployment, "spec.template.spec.volumes"))
                .anySatisfy(v -> assertThat(string(v, "configMap.name")).isEqualTo(objectName("data-service") + "-config"));
        assertThat(list(container(chart, "data-service"), "volumeMounts"))
                .anySatisfy(m -> assertThat(string(m, "mountPath")).isEqualTo("/app/config"));
        assertThat(chart.find("ConfigMap", objectName("user-service") + "-config")).as("no extra config, no file").isEmpty();
        assertThat(map(chart.get("ConfigMap", objectName("common")), "data"))
                .containsEntry("KAIZEN_JWT_ISSUER", "https://kaizen.example");
    }

    @Test
    void disablingAServiceRemovesAllOfItsObjects() {
        RenderedChart chart = RenderedChart.render(Map.of("services.chat-service.enabled", false));

        assertThat(defaults.ofComponent("chat-service")).extracting(o -> o.get("kind"))
                .contains("Deployment", "Service", "HorizontalPodAutoscaler", "ConfigMap", "PodDisruptionBudget");
        assertThat(chart.ofComponent("chat-service")).isEmpty();
        assertThat(chart.names()).noneMatch(name -> name.contains("chat-service"));
        assertThat(chart.ofKind("Deployment")).hasSize(8);
        assertThat(map(chart.get("ConfigMap", objectName("common")), "data")).doesNotContainKey("KAIZEN_CHAT_URL");
    }

    @Test
    void imagesComeFromRepositoryRegistryAndTag() {
        assertThat(string(container(defaults, "auth-service"), "image")).isEqualTo("kaizen/auth-service:0.1.0-SNAPSHOT");

        RenderedChart chart = RenderedChart.render(Map.of(
                "image.registry", "europe-docker.pkg.dev/acme/kaizen",
                "image.tag", "1.2.3",
                "services.auth-service.image.tag", "1.2.4"));
        assertThat(string(container(chart, "user-service"), "image"))
                .isEqualTo("europe-docker.pkg.dev/acme/kaizen/kaizen/user-service:1.2.3");
        assertThat(string(container(chart, "auth-service"), "image"))
                .isEqualTo("europe-docker.pkg.dev/acme/kaizen/kaizen/auth-service:1.2.4");
    }

    private static Map<String, Object> container(RenderedChart chart, String service) {
        return map(chart.get("Deployment", objectName(service)), "spec.template.spec.containers[0]");
    }

    private static Map<String, Object> configMap(RenderedChart chart, String service) {
        return map(chart.get("ConfigMap", objectName(service)), "data");
    }

    /** "path on port", the port resolved through the container's named ports. */
    private static String probe(Map<String, Object> container, String probe) {
        Object port = at(container, probe + ".httpGet.port");
        Object number = port instanceof Integer ? port : list(container, "ports").stream()
                .filter(p -> port.equals(string(p, "name")))
                .map(p -> at(p, "containerPort"))
                .findFirst().orElse("unresolved port " + port);
        return string(container, probe + ".httpGet.path") + " on " + number;
    }

    /** Env as name -> literal value, or "secret:name/key" for secretKeyRefs. */
    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Object entry : list(container, "env")) {
            Object ref = at(entry, "valueFrom.secretKeyRef");
            env.put(string(entry, "name"), ref == null
                    ? string(entry, "value")
                    : "secret:" + string(ref, "name") + "/" + string(ref, "key"));
        }
        return env;
    }

    private static Set<String> secretRefNames(RenderedChart chart) {
        Set<String> names = new HashSet<>();
        for (Map<String, Object> container : allContainers(chart)) {
            for (Object entry : list(container, "env")) {
                if (at(entry, "valueFrom.secretKeyRef") != null) {
                    names.add(string(entry, "valueFrom.secretKeyRef.name"));
                }
            }
            for (Object ref : list(container, "envFrom")) {
                if (at(ref, "secretRef") != null) {
                    names.add(string(ref, "secretRef.name"));
                }
            }
        }
        return names;
    }

    /** No literal env value and no ConfigMap key carries something named like a secret. */
    private static void assertNoSecretValues(RenderedChart chart) {
        for (Map<String, Object> container : allContainers(chart)) {
            for (Object entry : list(container, "env")) {
                if (SECRET_LOOKING.matcher(string(entry, "name")).find()) {
                    assertThat(at(entry, "value")).as("literal value of %s", string(entry, "name")).isNull();
                }
            }
        }
        for (Map<String, Object> configMap : chart.ofKind("ConfigMap")) {
            assertThat(map(configMap, "data").keySet()).noneMatch(key -> SECRET_LOOKING.matcher(key).find());
        }
    }

    private static List<Map<String, Object>> allContainers(RenderedChart chart) {
        List<Map<String, Object>> containers = new ArrayList<>();
        for (Map<String, Object> object : chart.objects()) {
            for (Object container : list(object, "spec.template.spec.containers")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> c = (Map<String, Object>) container;
                containers.add(c);
            }
        }
        return containers;
    }
}
