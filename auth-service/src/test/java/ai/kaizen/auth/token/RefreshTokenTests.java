package ai.kaizen.auth.token;

import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenTests extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private Response refresh(String token) {
        return post("/api/auth/refresh", Map.of("refreshToken", token));
    }

    @Test
    void everyRefreshRotatesTheToken() {
        String email = uniqueEmail("rotate");
        Response first = register(email, PASSWORD);

        Response second = refresh(first.text("refreshToken"));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.text("refreshToken")).isNotEqualTo(first.text("refreshToken"));
        assertThat(second.text("accessToken")).isNotBlank();
        assertThat(second.text("tokenType")).isEqualTo("Bearer");
        assertThat(second.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(get("/api/auth/me", second.text("accessToken")).status()).isEqualTo(200);

        Response third = refresh(second.text("refreshToken"));
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.text("refreshToken")).isNotEqualTo(second.text("refreshToken"));
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String email = uniqueEmail("reuse");
        Response first = register(email, PASSWORD);
        Response otherSession = login(email, PASSWORD);
        String stolen = first.text("refreshToken");
        Response second = refresh(stolen);
        Response newest = refresh(second.text("refreshToken"));
        assertThat(newest.status()).isEqualTo(200);

        Response replay = refresh(stolen);
        assertProblem(replay, 401);
        assertThat(replay.text("code")).isEqualTo("invalid-refresh-token");

        assertProblem(refresh(newest.text("refreshToken")), 401);
        assertProblem(refresh(second.text("refreshToken")), 401);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM refresh_tokens t JOIN users u ON u.id = t.user_id
                        WHERE u.email = :email AND t.revoked_at IS NULL""")
                .param("email", email).query(Integer.class).single())
                .as("only the other login's token survives").isEqualTo(1);
        assertThat(refresh(otherSession.text("refreshToken")).status())
                .as("another session (family) of the same account is untouched").isEqualTo(200);
    }

    @Test
    void logoutEndsTheSessionAndIsIdempotent() {
        Response session = register(uniqueEmail("logout"), PASSWORD);
        Response rotated = refresh(session.text("refreshToken"));

        Response out = post("/api/auth/logout", Map.of("refreshToken", rotated.text("refreshToken")));
        assertThat(out.status()).isEqualTo(204);
        assertProblem(refresh(rotated.text("refreshToken")), 401);
        assertThat(post("/api/auth/logout", Map.of("refreshToken", rotated.text("refreshToken"))).status())
                .isEqualTo(204);
        assertThat(post("/api/auth/logout", Map.of("refreshToken", "never-issued")).status()).isEqualTo(204);
        assertProblem(post("/api/auth/logout", Map.of()), 400);
    }

    @Test
    void expiredAndUnknownTokensAreRejected() {
        String email = uniqueEmail("expired");
        Response session = register(email, PASSWORD);
        jdbc.sql("UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = :hash")
                .param("hash", OpaqueTokens.sha256(session.text("refreshToken")))
                .update();
        Response expired = refresh(session.text("refreshToken"));
        assertProblem(expired, 401);
        assertThat(expired.text("detail")).contains("expired");

        assertProblem(refresh("made-up-token"), 401);
        assertProblem(post("/api/auth/refresh", Map.of()), 400);
    }

    @Test
    void onlyTheHashIsStored() {
        String email = uniqueEmail("hashed");
        String token = register(email, PASSWORD).text("refreshToken");
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);
        String stored = jdbc.sql("""
                        SELECT t.token_hash FROM refresh_tokens t JOIN users u ON u.id = t.user_id
                        WHERE u.email = :email""")
                .param("email", email).query(String.class).single();
        assertThat(stored).isEqualTo(OpaqueTokens.sha256(token)).doesNotContain(token);
    }
}
