package ai.kaizen.gateway;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Many requests in a row on one keep-alive connection, mixing answers produced on the event loop,
 * on Reactor's elastic threads, after a Redis round trip and from a backend. Reactor Netty 1.3.6
 * stopped reading such a connection now and then (a request hung until the client gave up); the
 * gateway pins 1.3.8, and this test fails if a request on a reused connection goes unanswered.
 */
class KeepAliveConnectionTests extends GatewayTestSupport {

    @Test
    void everyRequestOnOneConnectionIsAnswered() throws Exception {
        String token = TestTokens.user(unique("keep-alive"));
        String[] paths = {"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/prometheus",
                "/v3/api-docs", "/api/users/me"};
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            for (int i = 0; i < 300; i++) {
                String path = paths[i % paths.length];
                HttpRequest request = HttpRequest.newBuilder(gateway.uri(path))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(10))
                        .build();
                try {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path).isEqualTo(200);
                } catch (HttpTimeoutException e) {
                    fail("request " + i + " (" + path + ") on a reused connection was never answered", e);
                }
            }
        }
    }
}
