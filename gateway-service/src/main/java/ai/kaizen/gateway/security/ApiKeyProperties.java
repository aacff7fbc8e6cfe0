package ai.kaizen.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@code X-API-Key} requests are turned into bearer tokens by auth-service.
 *
 * @param exchangePath  auth-service endpoint that trades a key for a short-lived access token
 * @param timeout       longest wait for that exchange
 * @param refreshMargin a cached token is dropped this long before it expires
 * @param cacheSize     most keys whose tokens are kept in memory
 */
@ConfigurationProperties("kaizen.gateway.api-keys")
public record ApiKeyProperties(
        @DefaultValue("/api/auth/api-keys/exchange") String exchangePath,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("30s") Duration refreshMargin,
        @DefaultValue("10000") long cacheSize) {
}
