package ai.kaizen.gateway;

import java.util.UUID;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as it runs, on a random port, in front of the fake backends, validating tokens from a
 * real OIDC issuer, counting in the local Redis under a key prefix unique to this run. Rate limits
 * are high here (RateLimitTests has its own context); timeouts and breaker windows are short.
 * All subclasses share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class GatewayTestSupport {

    static final String RUN = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    GatewayClient gateway;

    @DynamicPropertySource
    static void gatewayUnderTest(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        Backends.register(registry);
        registry.add("kaizen.gateway.rate-limit.key-prefix", () -> "kaizen-test:" + RUN + ":");
        registry.add("kaizen.gateway.rate-limit.anonymous", () -> "100000");
        registry.add("kaizen.gateway.rate-limit.tiers.free", () -> "100000");
        registry.add("kaizen.gateway.request.trusted-proxies", () -> "127.0.0.1,::1");
        registry.add("kaizen.gateway.cors.allowed-origins", () -> "http://localhost:3000,https://app.kaizen.example");
        registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "2s");
        registry.add("kaizen.gateway.resilience.timeout", () -> "3s");
        registry.add("kaizen.gateway.resilience.sliding-window-size", () -> "4");
        registry.add("kaizen.gateway.resilience.minimum-number-of-calls", () -> "4");
        registry.add("kaizen.gateway.resilience.wait-in-open-state", () -> "60s");
        registry.add("kaizen.gateway.resilience.retry-first-backoff", () -> "10ms");
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }
}
