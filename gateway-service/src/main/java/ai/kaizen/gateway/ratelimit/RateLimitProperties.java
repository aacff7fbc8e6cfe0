package ai.kaizen.gateway.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Request budgets per window, kept in Redis.
 *
 * @param enabled      switch for the whole feature
 * @param window       length of one fixed window
 * @param anonymous    requests per window for one client address without a token
 * @param tiers        requests per window for one user, by the token's {@code tier} claim
 * @param defaultTier  tier assumed when the claim is missing or unknown
 * @param keyPrefix    prefix of the Redis keys (one key per bucket and window)
 * @param redisTimeout how long a request waits for Redis before the limit is skipped (fail open)
 */
@ConfigurationProperties("kaizen.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1m") Duration window,
        @DefaultValue("100") long anonymous,
        @DefaultValue Map<String, Long> tiers,
        @DefaultValue("free") String defaultTier,
        @DefaultValue("kaizen:gateway:rl:") String keyPrefix,
        @DefaultValue("500ms") Duration redisTimeout) {

    /** The budget for a tier claim value (case-insensitive), falling back to the default tier. */
    public long limitForTier(@Nullable String tier) {
        if (tier != null) {
            Long limit = tiers.get(tier.toLowerCase(Locale.ROOT));
            if (limit != null) {
                return limit;
            }
        }
        return tiers.getOrDefault(defaultTier, anonymous);
    }
}
