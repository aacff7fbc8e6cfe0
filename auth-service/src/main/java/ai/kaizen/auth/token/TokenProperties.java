package ai.kaizen.auth.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token lifetimes.
 *
 * @param accessTokenTtl     lifetime of a signed access token (also those exchanged for an API key)
 * @param refreshTokenTtl    lifetime of each opaque refresh token; every rotation starts a new one
 * @param refreshTokenRetention how long expired refresh tokens are kept before housekeeping deletes them
 */
@ConfigurationProperties("kaizen.auth.tokens")
public record TokenProperties(
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl,
        @DefaultValue("7d") Duration refreshTokenRetention) {

    public TokenProperties {
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.isNegative()
                || refreshTokenTtl.isZero()) {
            throw new IllegalArgumentException("Token lifetimes must be positive");
        }
    }
}
