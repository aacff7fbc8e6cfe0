package ai.kaizen.data;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DataServiceApplicationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
        TestDatabase.register(registry, "chain");
    }

    @Test
    void probesMetricsAndApiDocumentArePublic() throws Exception {
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs", null).body()).contains("\"openapi\"");
    }

    @Test
    void everythingElseNeedsAValidToken() throws Exception {
        HttpResponse<String> anonymous = get("/api/tokens/anything", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> wrongAudience = get("/api/tokens/anything",
                TestTokens.token("u1", "someone-else", java.util.Map.of(), 60));
        assertThat(wrongAudience.statusCode()).isEqualTo(401);

        HttpResponse<String> valid = get("/api/tokens/anything", TestTokens.user("u1"));
        assertThat(valid.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
