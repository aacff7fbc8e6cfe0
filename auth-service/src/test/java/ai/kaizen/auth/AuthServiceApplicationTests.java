package ai.kaizen.auth;

import java.util.List;
import java.util.Map;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthServiceApplicationTests extends AuthIntegrationTest {

    @Test
    void probesMetricsApiDocumentAndJwksArePublic() {
        assertThat(get("/actuator/health/liveness", null).raw().body()).contains("\"UP\"");
        assertThat(get("/actuator/health/readiness", null).raw().body()).contains("\"UP\"");
        assertThat(get("/actuator/prometheus", null).raw().body()).contains("jvm_memory_used_bytes");
        assertThat(get("/v3/api-docs", null).raw().body()).contains("\"openapi\"").contains("/api/auth/login");
        assertThat(get("/.well-known/jwks.json", null).status()).isEqualTo(200);
    }

    @Test
    void accountEndpointsNeedAValidToken() {
        for (String path : List.of("/api/auth/me", "/api/auth/api-keys")) {
            Response anonymous = get(path, null);
            assertProblem(anonymous, 401);
            assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        }
        assertProblem(post("/api/auth/password", Map.of("currentPassword", "x", "newPassword", "y"), null), 401);
    }

    @Test
    void tokensFromAnotherIssuerAreRejectedEvenWithAValidSignatureOfTheirOwn() {
        // A real OIDC provider's token with the right audience: not signed by this service's key.
        assertProblem(get("/api/auth/me", TestTokens.user("00000000-0000-0000-0000-000000000001")), 401);
    }
}
