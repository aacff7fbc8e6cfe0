package ai.kaizen.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Remembers access tokens that passed full validation (signature against the JWKS, issuer, audience, subject,
 * times) for a short while, so a client repeating the same bearer token is not ES256-verified on every request:
 * that verification was the largest single cost of a proxied call when profiled. The key is the exact token text,
 * so a tampered, re-signed or unsigned variant never matches and goes through the full decoder. A remembered token
 * is served until {@code min(verified + remember, exp)} by the clock, then validated in full again; a token that
 * fails validation, or is already past its {@code exp}, is never remembered.
 */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    /** A token that passed validation and the instant until which it may be served without validating it again. */
    private record Verified(Jwt jwt, Instant until) {
    }

    private final ReactiveJwtDecoder delegate;
    private final Clock clock;
    private final Duration remember;
    private final Cache<String, Verified> verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, Duration remember, long maxTokens) {
        this.delegate = delegate;
        this.clock = clock;
        this.remember = remember;
        // Eviction by elapsed time only frees memory; whether an entry may be served is decided by decode().
        this.verified = Caffeine.newBuilder()
                .maximumSize(maxTokens)
                .expireAfterWrite(remember)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Instant now = clock.instant();
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (now.isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            verified.invalidate(token);
        }
        return delegate.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
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
