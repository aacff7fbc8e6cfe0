package ai.kaizen.analysis.security;

import java.time.Clock;
import java.time.Duration;

import ai.kaizen.common.security.VerifiedTokenCache;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** The full decoder behind a {@link VerifiedTokenCache}: a recently verified token is not verified again. */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;
    private final VerifiedTokenCache verified;

    CachingJwtDecoder(JwtDecoder delegate, Clock clock, Duration remember, long maxTokens) {
        this.delegate = delegate;
        this.verified = new VerifiedTokenCache(clock, remember, maxTokens);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.recall(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = delegate.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }
}
