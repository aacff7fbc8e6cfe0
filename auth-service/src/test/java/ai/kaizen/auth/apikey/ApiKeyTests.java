package ai.kaizen.auth.apikey;

import java.net.http.HttpRequest;
import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import ai.kaizen.auth.token.OpaqueTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyTests extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Response exchange(String key) {
        HttpRequest.Builder request = request("/api/auth/api-keys/exchange", null)
                .POST(HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("X-API-Key", key);
        }
        return send(request.build());
    }

    @Test
    void createListExchangeRevoke() {
        Response owner = register(uniqueEmail("bot-owner"), PASSWORD);
        String token = owner.text("accessToken");

        Response created = post("/api/auth/api-keys", Map.of("name", "  trading bot  "), token);
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        String key = created.text("key");
        assertThat(created.header("Location")).isEqualTo("/api/auth/api-keys/" + id);
        assertThat(created.text("name")).isEqualTo("trading bot");
        assertThat(key).startsWith("kz_").hasSize(3 + 43);
        assertThat(created.text("prefix")).isEqualTo(key.substring(0, 11));
        assertThat(created.text("createdAt")).isNotBlank();

        Response listed = get("/api/auth/api-keys", token);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().size()).isEqualTo(1);
        JsonNode entry = listed.json().path(0);
        assertThat(entry.path("id").asString()).isEqualTo(id);
        assertThat(entry.path("prefix").asString()).isEqualTo(created.text("prefix"));
        assertThat(entry.has("key")).isFalse();
        assertThat(listed.raw().body()).doesNotContain(key);

        Response exchanged = exchange(key);
        assertThat(exchanged.status()).isEqualTo(200);
        assertThat(exchanged.text("tokenType")).isEqualTo("Bearer");
        assertThat(exchanged.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(exchanged.json().has("refreshToken")).isFalse();
        Jwt jwt = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.ES256).build().decode(exchanged.text("accessToken"));
        assertThat(jwt.getSubject()).isEqualTo(owner.json().path("user").path("id").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(jwt.getClaimAsString("tier")).isEqualTo("free");
        assertThat(jwt.getClaimAsString("api_key_id")).isEqualTo(id);
        assertThat(get("/api/auth/me", exchanged.text("accessToken")).text("id")).isEqualTo(jwt.getSubject());
        assertThat(get("/api/auth/api-keys", token).json().path(0).path("lastUsedAt").asString()).isNotBlank();

        assertThat(delete("/api/auth/api-keys/" + id, token).status()).isEqualTo(204);
        assertThat(get("/api/auth/api-keys", token).json().size()).isZero();
        assertProblem(exchange(key), 401);
        assertThat(delete("/api/auth/api-keys/" + id, token).status()).as("revoking again is harmless").isEqualTo(204);
    }

    @Test
    void onlyTheOwnerSeesOrRevokesAKey() {
        String alice = register(uniqueEmail("alice"), PASSWORD).text("accessToken");
        String mallory = register(uniqueEmail("mallory"), PASSWORD).text("accessToken");
        Response created = post("/api/auth/api-keys", Map.of("name", "alice's bot"), alice);

        assertThat(get("/api/auth/api-keys", mallory).json().size()).isZero();
        Response stolen = delete("/api/auth/api-keys/" + created.text("id"), mallory);
        assertProblem(stolen, 404);
        assertThat(exchange(created.text("key")).status()).as("still active").isEqualTo(200);
        assertProblem(delete("/api/auth/api-keys/00000000-0000-0000-0000-000000000000", alice), 404);
    }

    @Test
    void unknownMissingAndMalformedKeysAreRejected() {
        assertProblem(exchange(null), 401);
        assertProblem(exchange("kz_" + "A".repeat(43)), 401);
        assertProblem(exchange("not-a-kaizen-key"), 401);
    }

    @Test
    void keysAreStoredHashedAndNamesAreChecked() {
        String token = register(uniqueEmail("hashkey"), PASSWORD).text("accessToken");
        Response created = post("/api/auth/api-keys", Map.of("name", "ci"), token);
        String key = created.text("key");
        String hash = jdbc.sql("SELECT key_hash FROM api_keys WHERE id = :id")
                .param("id", java.util.UUID.fromString(created.text("id"))).query(String.class).single();
        assertThat(hash).isEqualTo(OpaqueTokens.sha256(key));
        assertThat(jdbc.sql("SELECT count(*) FROM api_keys WHERE key_hash = :k OR prefix = :k OR name = :k")
                .param("k", key).query(Integer.class).single()).isZero();

        assertThat(post("/api/auth/api-keys", Map.of("name", " "), token).text("code"))
                .isEqualTo("api-key-name-required");
        assertThat(post("/api/auth/api-keys", Map.of("name", "n".repeat(101)), token).text("code"))
                .isEqualTo("api-key-name-too-long");
    }
}
