package ai.kaizen.gateway.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway remembers bearer tokens it has fully validated.
 *
 * @param remember  longest time a verified token is accepted without verifying it again (never past its
 *                  {@code exp}); zero verifies every request
 * @param maxTokens most distinct tokens remembered at once
 */
@ConfigurationProperties("kaizen.gateway.jwt-cache")
public record JwtCacheProperties(
        @DefaultValue("60s") Duration remember,
        @DefaultValue("10000") long maxTokens) {
}
