package ai.kaizen.gateway.routing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;

import ai.kaizen.gateway.web.GatewayProblems;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.GatewayFilterSpec;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/**
 * The route table: each service's API prefixes, its OpenAPI document under
 * {@code /v3/api-docs/<name>}, and the chat WebSocket. REST routes run through one circuit breaker
 * per service (with the time limit) and retry only idempotent reads; the WebSocket route has neither.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    /** One backend service and the public paths that lead to it. */
    record ServiceRoute(String name, String docs, URI url, List<String> paths) {
    }

    static List<ServiceRoute> serviceRoutes(BackendProperties backends) {
        return List.of(
                new ServiceRoute("auth-service", "auth", backends.auth(), List.of("/api/auth/**", "/.well-known/jwks.json")),
                new ServiceRoute("user-service", "user", backends.user(), List.of("/api/users/**", "/api/watchlists/**")),
                new ServiceRoute("analysis-service", "analysis", backends.analysis(), List.of("/api/analysis/**")),
                new ServiceRoute("data-service", "data", backends.data(), List.of("/api/tokens/**")),
                new ServiceRoute("social-service", "social", backends.social(), List.of("/api/social/**")),
                new ServiceRoute("intel-service", "intel", backends.intel(), List.of("/api/intel/**")),
                new ServiceRoute("chat-service", "chat", backends.chat(), List.of("/api/chat/**")),
                new ServiceRoute("notification-service", "notification", backends.notification(),
                        List.of("/api/notifications/**")));
    }

    @Bean
    RouteLocator kaizenRoutes(RouteLocatorBuilder builder, BackendProperties backends, ResilienceProperties resilience) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        for (ServiceRoute service : serviceRoutes(backends)) {
            routes.route(service.name(), r -> r.path(service.paths().toArray(String[]::new))
                    .filters(f -> resilient(f, service, resilience))
                    .metadata(GatewayProblems.SERVICE_METADATA, service.name())
                    .uri(service.url()));
            routes.route(service.name() + "-api-docs", r -> r.path("/v3/api-docs/" + service.docs())
                    .filters(f -> resilient(f.setPath("/v3/api-docs"), service, resilience))
                    .metadata(GatewayProblems.SERVICE_METADATA, service.name())
                    .uri(service.url()));
        }
        routes.route("chat-websocket", r -> r.path("/ws/**")
                .metadata(GatewayProblems.SERVICE_METADATA, "chat-service")
                .uri(backends.chatWebsocketUri()));
        return routes.build();
    }

    /**
     * Breaker outside, retry inside: the breaker's time limit bounds all attempts together, and a
     * backend 502/503/504 counts as a failure. Only GET and HEAD are retried, never a POST.
     */
    private static GatewayFilterSpec resilient(GatewayFilterSpec filters, ServiceRoute service,
                                               ResilienceProperties resilience) {
        return filters
                .circuitBreaker(breaker -> breaker.setName(service.name()).setStatusCodes(Set.of("502", "503", "504")))
                .retry(retry -> retry
                        .setRetries(resilience.retries())
                        .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                        .setSeries()
                        .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE, HttpStatus.GATEWAY_TIMEOUT)
                        .setExceptions(IOException.class)
                        .setBackoff(resilience.retryFirstBackoff(), resilience.retryMaxBackoff(), 2, false));
    }

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> kaizenCircuitBreakers(ResilienceProperties resilience) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .failureRateThreshold(resilience.failureRateThreshold())
                        .slidingWindowSize(resilience.slidingWindowSize())
                        .minimumNumberOfCalls(resilience.minimumNumberOfCalls())
                        .waitDurationInOpenState(resilience.waitInOpenState())
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(resilience.timeout())
                        .cancelRunningFuture(true)
                        .build())
                .build());
    }
}
