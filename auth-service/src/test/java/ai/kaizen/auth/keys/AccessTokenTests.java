package ai.kaizen.auth.keys;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTokenTests extends AuthIntegrationTest {

    @Autowired
    SigningKey signingKey;

    @Test
    void jwksPublishesThePublicKeyOnly() {
        Response jwks = get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        assertThat(jwks.header("Content-Type")).startsWith("application/json");
        assertThat(jwks.header("Cache-Control")).contains("max-age");
        JsonNode keys = jwks.json().path("keys");
        assertThat(keys.size()).isEqualTo(1);
        JsonNode key = keys.path(0);
        assertThat(key.path("kty").asString()).isEqualTo("EC");
        assertThat(key.path("crv").asString()).isEqualTo("P-256");
        assertThat(key.path("alg").asString()).isEqualTo("ES256");
        assertThat(key.path("use").asString()).isEqualTo("sig");
        assertThat(key.path("kid").asString()).isEqualTo(signingKey.keyId());
        assertThat(key.path("x").asString()).isNotBlank();
        assertThat(key.path("y").asString()).isNotBlank();
        assertThat(key.propertyNames()).containsExactlyInAnyOrder("kty", "crv", "alg", "use", "kid", "x", "y");
        assertThat(jwks.raw().body()).doesNotContain("\"d\"");
    }

    @Test
    void anAccessTokenVerifiesAgainstTheJwksWithTheContractClaims() throws Exception {
        String email = uniqueEmail("claims");
        Response session = register(email, PASSWORD);
        String token = session.text("accessToken");

        // Verify exactly as another service would: fetch the JWKS over HTTP, ES256 only.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/.well-known/jwks.json")
                .jwsAlgorithm(SignatureAlgorithm.ES256).build();
        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", signingKey.keyId());
        assertThat(jwt.getIssuer().toString()).isEqualTo("http://localhost:8081");
        assertThat(jwt.getAudience()).containsExactly("kaizen");
        assertThat(jwt.getSubject()).isEqualTo(session.json().path("user").path("id").asString());
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("USER");
        assertThat(jwt.getClaimAsString("tier")).isEqualTo("free");
        assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
        assertThat(jwt.getId()).isNotBlank();
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(15));
        assertThat(jwt.getClaims()).doesNotContainKey("api_key_id");
    }

    @Test
    void tamperedTokensAreRejected() {
        String token = register(uniqueEmail("tamper"), PASSWORD).text("accessToken");
        assertThat(get("/api/auth/me", token).status()).isEqualTo(200);

        String[] parts = token.split("\\.");
        Map<String, Object> claims = JSON.readValue(decode(parts[1]), Map.class);
        claims.put("roles", List.of("USER", "ADMIN"));
        String forged = parts[0] + "." + encode(JSON.writeValueAsString(claims)) + "." + parts[2];
        assertProblem(get("/api/auth/me", forged), 401);

        String flippedSignature = parts[0] + "." + parts[1] + "." + (parts[2].charAt(0) == 'A' ? "B" : "A")
                + parts[2].substring(1);
        assertProblem(get("/api/auth/me", flippedSignature), 401);
    }

    @Test
    void unsignedAlgNoneTokensAreRejected() {
        String token = register(uniqueEmail("none"), PASSWORD).text("accessToken");
        String payload = token.split("\\.")[1];
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + signingKey.keyId() + "\"}");
        assertProblem(get("/api/auth/me", header + "." + payload + "."), 401);
    }

    @Test
    void expiredTokensAreRejected() throws Exception {
        String subject = register(uniqueEmail("expired"), PASSWORD).json().path("user").path("id").asString();
        Instant issued = Instant.now().minus(Duration.ofMinutes(20));
        String stillValid = sign(signingKey.privateJwk(), subject, "kaizen", issued, Instant.now().plusSeconds(300));
        assertThat(get("/api/auth/me", stillValid).status()).as("the hand-made token is otherwise fine").isEqualTo(200);

        // Past the validators' 60 s clock-skew allowance.
        String expired = sign(signingKey.privateJwk(), subject, "kaizen", issued, Instant.now().minusSeconds(120));
        Response response = get("/api/auth/me", expired);
        assertProblem(response, 401);
        assertThat(response.text("detail")).containsIgnoringCase("expired");
    }

    @Test
    void tokensSignedWithAnotherKeyOrForAnotherAudienceAreRejected() throws Exception {
        String subject = register(uniqueEmail("foreign"), PASSWORD).json().path("user").path("id").asString();
        Instant now = Instant.now();
        // Same kid, different key: an attacker's guess at the header changes nothing.
        ECKey impostor = SigningKey.generate(signingKey.keyId()).privateJwk();
        assertProblem(get("/api/auth/me", sign(impostor, subject, "kaizen", now, now.plusSeconds(300))), 401);
        assertProblem(get("/api/auth/me",
                sign(signingKey.privateJwk(), subject, "another-audience", now, now.plusSeconds(300))), 401);
    }

    private static String sign(ECKey key, String subject, String audience, Instant issued, Instant expires)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer("http://localhost:8081")
                .audience(audience)
                .subject(subject)
                .issueTime(Date.from(issued))
                .expirationTime(Date.from(expires))
                .claim("roles", List.of("USER"))
                .claim("tier", "free")
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }
}
