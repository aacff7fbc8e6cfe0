package ai.kaizen.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** What every Kaizen service promises at its edge, checked over real HTTP against a running test server. */
public final class ServiceContract {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ServiceContract() {
    }

    /** Liveness and readiness probes, Prometheus metrics and the OpenAPI document answer without a token. */
    public static void assertOperationalEndpointsArePublic(int port) {
        assertThat(get(port, "/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(get(port, "/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get(port, "/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        assertThat(get(port, "/v3/api-docs", null).body()).contains("\"openapi\"");
    }

    /**
     * The service validates tokens itself: none or one for another audience gets a 401 problem, a valid one
     * passes security (an unknown path then answers 404).
     */
    public static void assertValidatesTokensItself(int port, String unknownPath) {
        HttpResponse<String> anonymous = get(port, unknownPath, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String otherAudience = TestTokens.token("u1", "someone-else", Map.of(), 60);
        assertThat(get(port, unknownPath, otherAudience).statusCode()).isEqualTo(401);

        assertThat(get(port, unknownPath, TestTokens.user("u1")).statusCode()).isEqualTo(404);
    }

    public static HttpResponse<String> get(int port, String path, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
