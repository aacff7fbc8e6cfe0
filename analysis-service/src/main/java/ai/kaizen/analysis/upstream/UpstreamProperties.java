package ai.kaizen.analysis.upstream;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code kaizen.analysis.upstream.*}: where the other services are and how long to wait for them.
 *
 * @param data           data-service (token facts); without it quick and standard analyses cannot run
 * @param intel          intel-service (comprehensive only; when it is down the analysis says so and goes on)
 * @param social         social-service (comprehensive only; same)
 * @param auth           auth-service, for the API-key exchange of background work
 * @param circuitBreaker one setting for every upstream's breaker
 */
@ConfigurationProperties("kaizen.analysis.upstream")
public record UpstreamProperties(
        @DefaultValue Service data,
        @DefaultValue Service intel,
        @DefaultValue Service social,
        @DefaultValue Auth auth,
        @DefaultValue Breaker circuitBreaker) {

    /**
     * @param url             base URL
     * @param connectTimeout  TCP connect timeout
     * @param timeout         the whole exchange, body included
     * @param maxResponseSize larger replies are refused
     */
    public record Service(@DefaultValue("http://localhost:8084") URI url,
                          @DefaultValue("2s") Duration connectTimeout,
                          @DefaultValue("20s") Duration timeout,
                          @DefaultValue("8MB") DataSize maxResponseSize) {
    }

    /**
     * @param url     auth-service base URL
     * @param apiKey  the API key of analysis-service's own account; background jobs (batch, the background part
     *                of comprehensive analyses, re-scoring) exchange it for a short-lived access token. Empty:
     *                background jobs cannot call data-service and fail saying so.
     * @param timeout the exchange call's timeout
     */
    public record Auth(@DefaultValue("http://localhost:8081") URI url, @Nullable String apiKey,
                       @DefaultValue("5s") Duration timeout) {

        public boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }
    }

    /**
     * @param failureRateThreshold percentage of failed calls that opens the breaker
     * @param slidingWindowSize    calls the failure rate is computed over
     * @param minimumNumberOfCalls calls before the rate counts
     * @param waitInOpenState      how long an open breaker fails fast before it lets trial calls through
     */
    public record Breaker(@DefaultValue("50") float failureRateThreshold,
                          @DefaultValue("20") int slidingWindowSize,
                          @DefaultValue("10") int minimumNumberOfCalls,
                          @DefaultValue("30s") Duration waitInOpenState) {
    }
}
