package ai.kaizen.analysis.upstream;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/** One HTTP client and circuit breaker per upstream, and the service credential of background work. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UpstreamProperties.class)
class UpstreamConfiguration {

    @Bean
    CircuitBreakerRegistry upstreamCircuitBreakers(UpstreamProperties properties,
                                                   ObjectProvider<MeterRegistry> meters) {
        UpstreamProperties.Breaker settings = properties.circuitBreaker();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
        meters.ifAvailable(registry1 -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(registry1));
        return registry;
    }

    @Bean
    ServiceCredentials serviceCredentials(UpstreamProperties properties, CircuitBreakerRegistry breakers,
                                          JsonMapper json, Clock clock) {
        UpstreamProperties.Auth auth = properties.auth();
        UpstreamHttp http = new UpstreamHttp("auth-service", auth.url(), auth.timeout(), auth.timeout(),
                DataSize.ofKilobytes(64).toBytes(), breaker(breakers, "auth-service"));
        return new ServiceCredentials(http, auth, json, clock);
    }

    @Bean
    DataServiceClient dataServiceClient(UpstreamProperties properties, CircuitBreakerRegistry breakers,
                                        ServiceCredentials credentials, JsonMapper json) {
        return new DataServiceClient(new UpstreamHttp(DataServiceClient.NAME, properties.data(),
                breaker(breakers, DataServiceClient.NAME)), credentials, json);
    }

    @Bean
    IntelClient intelClient(UpstreamProperties properties, CircuitBreakerRegistry breakers,
                            ServiceCredentials credentials, JsonMapper json) {
        return new IntelClient(new UpstreamHttp(IntelClient.NAME, properties.intel(),
                breaker(breakers, IntelClient.NAME)), credentials, json);
    }

    @Bean
    SocialClient socialClient(UpstreamProperties properties, CircuitBreakerRegistry breakers,
                              ServiceCredentials credentials, JsonMapper json) {
        return new SocialClient(new UpstreamHttp(SocialClient.NAME, properties.social(),
                breaker(breakers, SocialClient.NAME)), credentials, json);
    }

    private static CircuitBreaker breaker(CircuitBreakerRegistry registry, String name) {
        return registry.circuitBreaker(name);
    }
}
