package ai.kaizen.analysis;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysisServiceApplicationTests extends ServiceTestSupport {

    @Test
    void probesMetricsAndApiDocumentArePublic() throws Exception {
        assertThat(raw("/actuator/health/liveness", null).body()).contains("\"UP\"");
        assertThat(raw("/actuator/health/readiness", null).body()).contains("\"UP\"");
        assertThat(raw("/actuator/prometheus", null).body()).contains("jvm_memory_used_bytes")
                .contains("resilience4j_circuitbreaker_state");
        assertThat(raw("/v3/api-docs", null).body()).contains("\"openapi\"").contains("/api/analysis/analyze");
    }

    @Test
    void everythingElseNeedsAValidToken() throws Exception {
        HttpResponse<String> anonymous = raw("/api/analysis/nothing-here", null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> wrongAudience = raw("/api/analysis/nothing-here",
                TestTokens.token("u1", "someone-else", java.util.Map.of(), 60));
        assertThat(wrongAudience.statusCode()).isEqualTo(401);

        HttpResponse<String> valid = raw("/api/analysis/nothing-here", TestTokens.user("u1"));
        assertThat(valid.statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> raw(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
