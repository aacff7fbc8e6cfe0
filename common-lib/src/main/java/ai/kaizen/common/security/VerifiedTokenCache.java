package ai.kaizen.common.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Access tokens that passed full validation (signature against the JWKS, issuer, audience, subject, times), kept for a
 * short while so that a client repeating the same bearer token is not ES256-verified on every request: that
 * verification is the largest single cost of a request that is otherwise answered from a cache. The key is the exact
 * token text, so a tampered, re-signed or unsigned variant never matches. A token is served until
 * {@code min(verified + remember, exp)} by the clock and then must be validated in full again; a token already past
 * its {@code exp} is never kept. The servlet and reactive decoders of the services wrap their full decoder with it.
 */
public final class VerifiedTokenCache {

    private record Verified(Jwt jwt, Instant until) {
    }

    private final Clock clock;
    private final Duration remember;
    private final Cache<String, Verified> verified;

    public VerifiedTokenCache(Clock clock, Duration remember, long maxTokens) {
        this.clock = clock;
        this.remember = remember;
        // Eviction by elapsed time only frees memory; whether an entry may be served is decided by recall().
        this.verified = Caffeine.newBuilder().maximumSize(maxTokens).expireAfterWrite(remember).build();
    }

    /** The token's claims if it was verified recently enough to be served without verifying it again. */
    public @Nullable Jwt recall(String token) {
        Verified known = verified.getIfPresent(token);
        if (known == null) {
            return null;
        }
        if (clock.instant().isBefore(known.until())) {
            return known.jwt();
        }
        verified.invalidate(token);
        return null;
    }

    /** Keeps a token that has just passed full validation. */
    public void remember(String token, Jwt jwt) {
        Instant now = clock.instant();
        Instant until = now.plus(remember);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (now.isBefore(until)) {
            verified.put(token, new Verified(jwt, until));
        }
    }
}
