package ai.kaizen.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts and tokens, end to end through the gateway and auth-service. */
class AuthenticationSystemTests {

    @Test
    void registerLoginAndCallAProtectedEndpoint() {
        JsonNode registered = Gateway.register();
        String email = registered.path("user").path("email").asString();
        assertThat(email).isEqualTo(email.toLowerCase()).startsWith("sys-");

        HttpResponse<String> login = Gateway.post("/api/auth/login",
                Map.of("email", email.toUpperCase(), "password", "correct horse battery staple 42"), null);
        assertThat(login.statusCode()).isEqualTo(200);
        String access = Gateway.json(login).path("accessToken").asString();

        HttpResponse<String> me = Gateway.get("/api/auth/me", access);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Gateway.json(me).path("email").asString()).isEqualTo(email);
    }

    @Test
    void protectedEndpointRejectsMissingTamperedExpiredAndUnsignedTokens() throws Exception {
        JsonNode account = Gateway.register();
        String access = account.path("accessToken").asString();
        String subject = account.path("user").path("id").asString();

        HttpResponse<String> none = Gateway.get("/api/auth/me", null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");

        String[] parts = access.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"USER\"", "\"ADMIN\"");
        assertThat(elevated).isNotEqualTo(payload);
        String tampered = parts[0] + "." + b64(elevated) + "." + parts[2];
        assertThat(Gateway.get("/api/auth/me", tampered).statusCode()).isEqualTo(401);

        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        assertThat(Gateway.get("/api/auth/me", unsigned).statusCode()).isEqualTo(401);

        // Signed with the stack's real key: valid when fresh, rejected once expired (beyond clock skew).
        Instant now = Instant.now();
        String fresh = RealSigningKey.sign(subject, now, now.plus(Duration.ofMinutes(5)));
        assertThat(Gateway.get("/api/auth/me", fresh).statusCode()).isEqualTo(200);
        String expired = RealSigningKey.sign(subject, now.minus(Duration.ofHours(1)), now.minus(Duration.ofMinutes(10)));
        assertThat(Gateway.get("/api/auth/me", expired).statusCode()).isEqualTo(401);

        assertThat(Gateway.get("/api/auth/me", access).statusCode()).isEqualTo(200);
    }

    @Test
    void refreshTokensRotateAndReuseRevokesTheFamily() {
        JsonNode account = Gateway.register();
        String first = account.path("refreshToken").asString();

        HttpResponse<String> rotated = Gateway.post("/api/auth/refresh", Map.of("refreshToken", first), null);
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = Gateway.json(rotated).path("refreshToken").asString();
        assertThat(second).isNotBlank().isNotEqualTo(first);
        assertThat(Gateway.get("/api/auth/me", Gateway.json(rotated).path("accessToken").asString()).statusCode())
                .isEqualTo(200);

        HttpResponse<String> reuse = Gateway.post("/api/auth/refresh", Map.of("refreshToken", first), null);
        assertThat(reuse.statusCode()).isEqualTo(401);
        // The whole family is revoked: the token issued by the legitimate rotation no longer works either.
        assertThat(Gateway.post("/api/auth/refresh", Map.of("refreshToken", second), null).statusCode()).isEqualTo(401);
    }

    @Test
    void everyServiceIsRoutedAndValidatesTheTokenItself() {
        String access = Gateway.register().path("accessToken").asString();
        for (String path : new String[] {"/api/users/system-probe", "/api/analysis/system-probe",
                "/api/tokens/system-probe", "/api/social/system-probe", "/api/intel/system-probe",
                "/api/chat/system-probe", "/api/notifications/system-probe"}) {
            assertThat(Gateway.get(path, null).statusCode()).as("%s without a token", path).isEqualTo(401);
            HttpResponse<String> withToken = Gateway.get(path, access);
            assertThat(withToken.statusCode()).as("%s with a token: %s", path, withToken.body()).isLessThan(500);
            assertThat(withToken.statusCode()).as("%s with a token", path).isNotIn(401, 403);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
