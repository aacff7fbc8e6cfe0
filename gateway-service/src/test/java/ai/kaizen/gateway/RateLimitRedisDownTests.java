package ai.kaizen.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** With Redis unreachable the gateway fails open: requests pass unlimited, counted by a metric. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitRedisDownTests {

    @LocalServerPort
    int port;

    private GatewayClient gateway;

    @DynamicPropertySource
    static void redisNowhere(DynamicPropertyRegistry registry) throws IOException {
        TestTokens.register(registry);
        Backends.register(registry);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        registry.add("spring.data.redis.port", () -> closedPort);
        registry.add("kaizen.gateway.rate-limit.anonymous", () -> "1");
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void requestsPassWhenRedisIsDownAndTheGatewayStaysReady() {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = gateway.post("/api/auth/login", "{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Limit")).isEmpty();
        }
        assertThat(gateway.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(gateway.get("/actuator/prometheus").body())
                .containsPattern("kaizen_gateway_ratelimit_degraded_total\\{[^}]*\\} [3-9]");
    }
}
