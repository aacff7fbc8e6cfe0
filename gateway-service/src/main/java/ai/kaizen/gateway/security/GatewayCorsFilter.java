package ai.kaizen.gateway.security;

import java.util.List;

import ai.kaizen.gateway.web.CorrelationIdFilter;
import ai.kaizen.gateway.web.FilterOrder;
import ai.kaizen.gateway.web.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.cors.reactive.DefaultCorsProcessor;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * CORS with an allow-list from configuration, answered before authentication (a preflight carries
 * no token). A request from an origin not on the list gets no CORS headers and a 403 problem.
 */
@Component
class GatewayCorsFilter implements WebFilter, Ordered {

    private final CorsConfiguration configuration = new CorsConfiguration();
    private final DefaultCorsProcessor processor = new DefaultCorsProcessor();

    GatewayCorsFilter(CorsProperties properties) {
        configuration.setAllowedOrigins(properties.allowedOrigins().stream()
                .map(String::trim).filter(origin -> !origin.isEmpty()).toList());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "X-API-Key",
                CorrelationIdFilter.HEADER));
        configuration.setExposedHeaders(List.of(CorrelationIdFilter.HEADER, "Retry-After", "X-RateLimit-Limit",
                "X-RateLimit-Remaining", "Location"));
        configuration.setAllowCredentials(properties.allowCredentials());
        configuration.setMaxAge(properties.maxAge());
    }

    @Override
    public int getOrder() {
        return FilterOrder.CORS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CorsUtils.isCorsRequest(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (!processor.process(configuration, exchange)) {
            return Mono.error(GatewayProblems.of(HttpStatus.FORBIDDEN,
                    "Cross-origin request rejected: origin, method or headers not allowed."));
        }
        if (CorsUtils.isPreFlightRequest(exchange.getRequest())) {
            return exchange.getResponse().setComplete();
        }
        return chain.filter(exchange);
    }
}
