package ai.kaizen.gateway;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests extends GatewayTestSupport {

    @Test
    void protectedRoutesNeedAToken() {
        String path = "/api/users/" + unique("anonymous");
        HttpResponse<String> response = gateway.get(path);
        assertUnauthorized(response);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(Backends.USER.requests(path)).isEmpty();
    }

    @Test
    void validTokenPasses() {
        HttpResponse<String> response = gateway.get("/api/users/me", GatewayClient.bearer(TestTokens.user(unique("valid"))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("user-service");
    }

    @Test
    void tamperedExpiredWrongAudienceAndUnsignedTokensAreRejected() {
        String valid = TestTokens.user(unique("victim"));
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = base64Url(payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"admin\""));
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String expired = TestTokens.token(unique("late"), TestTokens.AUDIENCE,
                Map.of("roles", List.of("USER"), "tier", "free"), -600);
        String wrongAudience = TestTokens.token(unique("other"), "someone-else",
                Map.of("roles", List.of("USER"), "tier", "free"), 600);

        assertThat(forgedPayload).isNotEqualTo(parts[1]);
        for (String token : List.of(tampered, unsigned, expired, wrongAudience, "not-a-jwt")) {
            String path = "/api/analysis/" + unique("bad-token");
            assertUnauthorized(gateway.get(path, GatewayClient.bearer(token)));
            assertThat(Backends.ANALYSIS.requests(path)).isEmpty();
        }
    }

    @Test
    void aTokenAcceptedEarlierDoesNotLetItsForgeriesThrough() {
        String valid = TestTokens.user(unique("remembered"));
        assertThat(gateway.get("/api/users/me", GatewayClient.bearer(valid)).statusCode()).isEqualTo(200);
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String tampered = parts[0] + "." + base64Url(payload.replaceFirst("\"sub\":\"[^\"]+\"", "\"sub\":\"admin\"")) + "."
                + parts[2];
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String signatureStripped = parts[0] + "." + parts[1] + ".";

        for (String forgery : List.of(tampered, unsigned, signatureStripped, valid + "x")) {
            String path = "/api/analysis/" + unique("forged-after-valid");
            assertUnauthorized(gateway.get(path, GatewayClient.bearer(forgery)));
            assertThat(Backends.ANALYSIS.requests(path)).isEmpty();
        }
        assertThat(gateway.get("/api/users/me", GatewayClient.bearer(valid)).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyTheAuthEntryPointsArePublic() {
        for (String path : List.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout")) {
            HttpResponse<String> response = gateway.post(path, "{}");
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("auth-service");
        }
        assertUnauthorized(gateway.get("/api/auth/me"));
        assertUnauthorized(gateway.post("/api/auth/password", "{}"));
        assertUnauthorized(gateway.post("/api/auth/api-keys", "{}"));
        assertUnauthorized(gateway.get("/api/auth/login"));
        assertUnauthorized(gateway.post("/api/analysis/analyze", "{}"));
    }

    @Test
    void apiKeyIsExchangedForABearerTokenOnceAndNeverForwarded() {
        String key = unique("kz_live");
        String owner = unique("api-client");
        String token = TestTokens.token(owner, TestTokens.AUDIENCE, Map.of("roles", List.of("USER"), "tier", "pro"), 900);
        Backends.AUTH.acceptApiKey(key, token);

        String first = "/api/analysis/" + unique("with-key");
        String second = "/api/analysis/" + unique("with-key-again");
        assertThat(gateway.get(first, "X-API-Key", key).statusCode()).isEqualTo(200);
        assertThat(gateway.get(second, "X-API-Key", key).statusCode()).isEqualTo(200);

        for (String path : List.of(first, second)) {
            FakeBackend.Recorded seen = Backends.ANALYSIS.requests(path).getFirst();
            assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
            assertThat(seen.headers().containsHeader("X-API-Key")).isFalse();
        }
        List<FakeBackend.Recorded> exchanges = Backends.AUTH.requests("/api/auth/api-keys/exchange").stream()
                .filter(r -> key.equals(r.headers().getFirst("X-API-Key")))
                .toList();
        assertThat(exchanges).hasSize(1);
        assertThat(exchanges.getFirst().method()).isEqualTo("POST");
    }

    @Test
    void unknownApiKeyIsUnauthorized() {
        String path = "/api/analysis/" + unique("bad-key");
        HttpResponse<String> response = gateway.get(path, "X-API-Key", unique("kz_unknown"));
        assertUnauthorized(response);
        assertThat(response.body()).contains("API key is not valid");
        assertThat(Backends.ANALYSIS.requests(path)).isEmpty();
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"status\":401");
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
