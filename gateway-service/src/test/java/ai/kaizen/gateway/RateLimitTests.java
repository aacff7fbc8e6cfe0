package ai.kaizen.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Budgets against the real local Redis: 3 anonymous requests per IP, 3 for free users and 6 for pro
 * users per 4-second window (short, yet long enough that a busy machine does not roll the window over
 * in the middle of one burst). The test connection comes from a trusted proxy (127.0.0.1), so each
 * test picks its own client address through X-Forwarded-For and its own user, and the key prefix is
 * unique to this run: no test shares a bucket with another.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitTests {

    @LocalServerPort
    int port;

    private GatewayClient gateway;

    @DynamicPropertySource
    static void tightBudgets(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        Backends.register(registry);
        registry.add("kaizen.gateway.rate-limit.key-prefix", () -> "kaizen-test:" + UUID.randomUUID() + ":");
        registry.add("kaizen.gateway.rate-limit.window", () -> "4s");
        registry.add("kaizen.gateway.rate-limit.anonymous", () -> "3");
        registry.add("kaizen.gateway.rate-limit.tiers.free", () -> "3");
        registry.add("kaizen.gateway.rate-limit.tiers.pro", () -> "6");
        registry.add("kaizen.gateway.request.trusted-proxies", () -> "127.0.0.1,::1");
    }

    @BeforeEach
    void client() {
        gateway = new GatewayClient(port);
    }

    @Test
    void anonymousCallersAreLimitedPerAddressUntilTheWindowEnds() {
        String ip = randomIp();
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> allowed = login(ip);
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(String.valueOf(3 - i));
        }
        assertTooManyRequests(login(ip), "3");
        assertThat(login(randomIp()).statusCode()).as("another address has its own budget").isEqualTo(200);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> login(ip).statusCode() == 200);
    }

    @Test
    void usersAreLimitedByTierNotByAddress() {
        String free = token(UUID.randomUUID().toString(), "free");
        String pro = token(UUID.randomUUID().toString(), "pro");
        for (int i = 0; i < 3; i++) {
            assertThat(call(free, randomIp()).statusCode()).isEqualTo(200);
        }
        assertTooManyRequests(call(free, randomIp()), "3");

        for (int i = 0; i < 6; i++) {
            HttpResponse<String> allowed = call(pro, randomIp());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("6");
        }
        assertTooManyRequests(call(pro, randomIp()), "6");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .until(() -> call(free, randomIp()).statusCode() == 200);
    }

    @Test
    void probesAreNeverLimited() {
        String ip = randomIp();
        for (int i = 0; i < 10; i++) {
            assertThat(gateway.get("/actuator/health/readiness", "X-Forwarded-For", ip).statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<String> login(String ip) {
        return gateway.post("/api/auth/login", "{\"email\":\"a@b.c\",\"password\":\"x\"}", "X-Forwarded-For", ip);
    }

    private HttpResponse<String> call(String token, String ip) {
        return gateway.get("/api/analysis/history", GatewayClient.bearer(token, "X-Forwarded-For", ip));
    }

    private static void assertTooManyRequests(HttpResponse<String> response, String limit) {
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":429");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 4L);
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).hasValue(limit);
        assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
    }

    private static String token(String subject, String tier) {
        return TestTokens.token(subject, TestTokens.AUDIENCE, Map.of("roles", List.of("USER"), "tier", tier), 900);
    }

    private static String randomIp() {
        int a = 1 + (int) (Math.random() * 250);
        int b = (int) (Math.random() * 255);
        int c = (int) (Math.random() * 255);
        return "10." + a + "." + b + "." + c;
    }
}
