package ai.kaizen.data.facts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheTtl        how long complete facts stay in Redis ({@code facts:{network}:{address}:{depth}})
 * @param redisQuietPeriod after a Redis failure, how long to stop asking Redis (so a dead Redis costs nothing)
 */
@ConfigurationProperties("kaizen.facts")
public record FactsProperties(@DefaultValue("60s") Duration cacheTtl, @DefaultValue("15s") Duration redisQuietPeriod) {
}
