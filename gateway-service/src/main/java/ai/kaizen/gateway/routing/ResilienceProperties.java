package ai.kaizen.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Circuit breaker and retry settings for the REST routes (the WebSocket route has neither).
 *
 * @param timeout                 time limit for one proxied call, retries included (504 beyond it)
 * @param failureRateThreshold    percentage of failed calls that opens a service's breaker
 * @param slidingWindowSize       number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls    calls needed before the failure rate counts
 * @param waitInOpenState         how long an open breaker refuses calls before probing again
 * @param retries                 extra attempts for GET/HEAD after a connection error or 502/503/504
 * @param retryFirstBackoff       pause before the first retry (doubles each time)
 * @param retryMaxBackoff         longest pause between retries
 */
@ConfigurationProperties("kaizen.gateway.resilience")
public record ResilienceProperties(
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int slidingWindowSize,
        @DefaultValue("10") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration waitInOpenState,
        @DefaultValue("2") int retries,
        @DefaultValue("50ms") Duration retryFirstBackoff,
        @DefaultValue("500ms") Duration retryMaxBackoff) {
}
