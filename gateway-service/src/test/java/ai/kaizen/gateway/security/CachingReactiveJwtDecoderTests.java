package ai.kaizen.gateway.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.common.security.KaizenSecurityProperties;
import ai.kaizen.testsupport.MutableClock;
import ai.kaizen.testsupport.TestTokens;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The verified-token memory in front of the real decoder (ES256 tokens from a real issuer, checked against its
 * JWKS): a token is verified once and then served from memory, never past its expiry or the memory's limit, and
 * nothing that did not pass full validation (tampered, re-signed, unsigned, expired) is ever accepted.
 */
class CachingReactiveJwtDecoderTests {

    private static final KaizenSecurityProperties PROPERTIES = new KaizenSecurityProperties(
            TestTokens.server().jwksUrl(TestTokens.ISSUER_ID).toString(),
            TestTokens.server().issuerUrl(TestTokens.ISSUER_ID).toString(), TestTokens.AUDIENCE, null);

    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<String> verifications = new ArrayList<>();
    private final CachingReactiveJwtDecoder decoder =
            new CachingReactiveJwtDecoder(counting(strictDecoder()), clock, Duration.ofSeconds(60), 100);

    @Test
    void aVerifiedTokenIsServedFromMemoryWithoutVerifyingItAgain() {
        String token = TestTokens.user("cached-user");

        Jwt first = decoder.decode(token).block();
        Jwt second = decoder.decode(token).block();

        assertThat(first).isNotNull();
        assertThat(first.getSubject()).isEqualTo("cached-user");
        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly(token);
    }

    @Test
    void forgeriesOfARememberedTokenAreVerifiedInFullAndRefused() throws Exception {
        String valid = TestTokens.user("victim");
        assertThat(decoder.decode(valid).block()).isNotNull();
        String[] parts = valid.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forgedPayload = base64Url(payload.replaceFirst("\"sub\":\"victim\"", "\"sub\":\"admin\""));
        String tampered = parts[0] + "." + forgedPayload + "." + parts[2];
        String unsigned = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        String unsignedNoDot = base64Url("{\"alg\":\"none\"}") + "." + parts[1];
        String signatureStripped = parts[0] + "." + parts[1] + ".";
        String resigned = resignedWithForeignKey(valid);

        assertThat(forgedPayload).isNotEqualTo(parts[1]);
        for (String forgery : List.of(tampered, unsigned, unsignedNoDot, signatureStripped, resigned)) {
            assertThatThrownBy(() -> decoder.decode(forgery).block()).as(forgery).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(forgery).block()).as(forgery).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).containsExactly(valid, tampered, tampered, unsigned, unsigned, unsignedNoDot,
                unsignedNoDot, signatureStripped, signatureStripped, resigned, resigned);
        assertThat(decoder.decode(valid).block()).isNotNull();
        assertThat(verifications).hasSize(11);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        String shortLived = TestTokens.token("short-lived", TestTokens.AUDIENCE,
                Map.of("roles", List.of("USER"), "tier", "free"), 30);
        Jwt jwt = decoder.decode(shortLived).block();
        assertThat(jwt).isNotNull();
        assertThat(jwt.getExpiresAt()).isNotNull();
        clock.set(jwt.getExpiresAt().minusSeconds(1));
        assertThat(decoder.decode(shortLived).block()).isNotNull();
        assertThat(verifications).hasSize(1);

        clock.set(jwt.getExpiresAt().plusSeconds(1));

        assertThatThrownBy(() -> decoder.decode(shortLived).block()).isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> decoder.decode(shortLived).block()).isInstanceOf(JwtException.class);
        assertThat(verifications).hasSize(3);
    }

    @Test
    void aTokenIsRememberedForAtMostTheConfiguredTime() {
        String token = TestTokens.user("long-lived");
        decoder.decode(token).block();
        clock.advance(Duration.ofSeconds(55));
        decoder.decode(token).block();
        assertThat(verifications).hasSize(1);

        clock.advance(Duration.ofSeconds(6));
        assertThat(decoder.decode(token).block()).isNotNull();
        decoder.decode(token).block();

        assertThat(verifications).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        String wrongAudience = TestTokens.token("other", "someone-else", Map.of("tier", "free"), 600);
        String expired = TestTokens.token("late", TestTokens.AUDIENCE, Map.of("tier", "free"), -600);

        for (String token : List.of(wrongAudience, expired, "not-a-jwt")) {
            assertThatThrownBy(() -> decoder.decode(token).block()).as(token).isInstanceOf(JwtException.class);
            assertThatThrownBy(() -> decoder.decode(token).block()).as(token).isInstanceOf(JwtException.class);
        }
        assertThat(verifications).containsExactly(wrongAudience, wrongAudience, expired, expired, "not-a-jwt",
                "not-a-jwt");
    }

    @Test
    void aTokenAcceptedPastItsExpiryIsNotRemembered() {
        // The full validator tolerates some clock skew; the memory must not extend that tolerance.
        Jwt lateButTolerated = Jwt.withTokenValue("late").header("alg", "ES256").subject("u1")
                .issuedAt(clock.instant().minusSeconds(600)).expiresAt(clock.instant().minusSeconds(5)).build();
        List<String> calls = new ArrayList<>();
        CachingReactiveJwtDecoder lenient = new CachingReactiveJwtDecoder(token -> {
            calls.add(token);
            return Mono.just(lateButTolerated);
        }, clock, Duration.ofSeconds(60), 100);

        lenient.decode("late").block();
        lenient.decode("late").block();

        assertThat(calls).containsExactly("late", "late");
    }

    /** The production decoder, plus a zero-skew expiry check on the test's clock so expiry can be reached. */
    private ReactiveJwtDecoder strictDecoder() {
        NimbusReactiveJwtDecoder full = KaizenJwt.reactiveDecoder(PROPERTIES);
        JwtTimestampValidator times = new JwtTimestampValidator(Duration.ZERO);
        times.setClock(clock);
        full.setJwtValidator(new DelegatingOAuth2TokenValidator<>(KaizenJwt.validator(PROPERTIES), times));
        return full;
    }

    private ReactiveJwtDecoder counting(ReactiveJwtDecoder delegate) {
        return token -> {
            verifications.add(token);
            return delegate.decode(token);
        };
    }

    /** Same algorithm, key id and claims, signed with a key the issuer never published. */
    private static String resignedWithForeignKey(String token) throws Exception {
        SignedJWT original = SignedJWT.parse(token);
        JWSAlgorithm algorithm = original.getHeader().getAlgorithm();
        String keyId = original.getHeader().getKeyID();
        JWSSigner signer = JWSAlgorithm.ES256.equals(algorithm)
                ? new ECDSASigner(new ECKeyGenerator(Curve.P_256).keyID(keyId).generate())
                : new RSASSASigner(new RSAKeyGenerator(2048).keyID(keyId).generate());
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId)
                .type(original.getHeader().getType()).build(), original.getJWTClaimsSet());
        forged.sign(signer);
        return forged.serialize();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
