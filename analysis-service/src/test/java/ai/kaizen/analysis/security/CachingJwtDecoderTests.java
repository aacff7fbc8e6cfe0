package ai.kaizen.analysis.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ai.kaizen.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Verified tokens are remembered, never past their expiry, and nothing unverified is ever accepted. */
class CachingJwtDecoderTests {

    static final Instant EXPIRY = Instant.parse("2026-01-01T00:05:00Z");
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final List<String> verifications = new ArrayList<>();
    final JwtDecoder strict = token -> {
        verifications.add(token);
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        if (!clock.instant().isBefore(EXPIRY)) {
            throw new BadJwtException("expired");
        }
        return Jwt.withTokenValue(token).header("alg", "ES256").subject("u1")
                .issuedAt(Instant.parse("2026-01-01T00:00:00Z")).expiresAt(EXPIRY).build();
    };
    final CachingJwtDecoder decoder = new CachingJwtDecoder(strict, clock, Duration.ofSeconds(60), 100);

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileRemembered() {
        Jwt first = decoder.decode("good-1");
        Jwt second = decoder.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verifications).containsExactly("good-1");
    }

    @Test
    void aBadTokenIsNeverRememberedAndAlwaysRefused() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void anExpiredTokenGoesBackToFullValidation() {
        decoder.decode("good-2");
        clock.set(Instant.parse("2026-01-01T00:05:01Z"));

        assertThatThrownBy(() -> decoder.decode("good-2")).isInstanceOf(BadJwtException.class).hasMessage("expired");

        assertThat(verifications).containsExactly("good-2", "good-2");
    }
}
