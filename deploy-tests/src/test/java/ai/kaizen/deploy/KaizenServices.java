package ai.kaizen.deploy;

import java.nio.file.Path;
import java.util.List;

/** The nine deployable services and their ports, and where the deployment files live. */
final class KaizenServices {

    record Service(String name, int port) {
    }

    static final List<Service> ALL = List.of(
            new Service("gateway-service", 8080),
            new Service("auth-service", 8081),
            new Service("user-service", 8082),
            new Service("analysis-service", 8083),
            new Service("data-service", 8084),
            new Service("social-service", 8085),
            new Service("intel-service", 8086),
            new Service("chat-service", 8087),
            new Service("notification-service", 8088));

    /** Surefire runs with the module directory as working directory; the deployment files sit beside it. */
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    static final Path CHART = REPO.resolve("k8s/kaizen");

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";

    private KaizenServices() {
    }

    static List<String> names() {
        return ALL.stream().map(Service::name).toList();
    }

    static Service named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
