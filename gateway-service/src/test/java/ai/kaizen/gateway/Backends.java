package ai.kaizen.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

/** One fake server per Kaizen service, started once per test JVM and shared by all gateway contexts. */
final class Backends {

    static final FakeBackend AUTH = new FakeBackend("auth-service");
    static final FakeBackend USER = new FakeBackend("user-service");
    static final FakeBackend ANALYSIS = new FakeBackend("analysis-service");
    static final FakeBackend DATA = new FakeBackend("data-service");
    static final FakeBackend SOCIAL = new FakeBackend("social-service");
    static final FakeBackend INTEL = new FakeBackend("intel-service");
    static final FakeBackend CHAT = new FakeBackend("chat-service");
    static final FakeBackend NOTIFICATION = new FakeBackend("notification-service");

    private Backends() {
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("kaizen.gateway.backends.auth", AUTH::url);
        registry.add("kaizen.gateway.backends.user", USER::url);
        registry.add("kaizen.gateway.backends.analysis", ANALYSIS::url);
        registry.add("kaizen.gateway.backends.data", DATA::url);
        registry.add("kaizen.gateway.backends.social", SOCIAL::url);
        registry.add("kaizen.gateway.backends.intel", INTEL::url);
        registry.add("kaizen.gateway.backends.chat", CHAT::url);
        registry.add("kaizen.gateway.backends.notification", NOTIFICATION::url);
    }
}
