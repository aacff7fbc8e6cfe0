package ai.kaizen.gateway.security;

import java.time.Clock;
import java.time.Duration;

import ai.kaizen.common.security.VerifiedTokenCache;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/** The full reactive decoder behind a {@link VerifiedTokenCache}: a recently verified token is not verified again. */
final class CachingReactiveJwtDecoder implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder delegate;
    private final VerifiedTokenCache verified;

    CachingReactiveJwtDecoder(ReactiveJwtDecoder delegate, Clock clock, Duration remember, long maxTokens) {
        this.delegate = delegate;
        this.verified = new VerifiedTokenCache(clock, remember, maxTokens);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.recall(token);
        if (known != null) {
            return Mono.just(known);
        }
        return delegate.decode(token).doOnNext(jwt -> verified.remember(token, jwt));
    }
}
