package ai.kaizen.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Puts the security headers on every response the gateway sends, proxied or its own (errors,
 * probes, preflights). They are set at commit time so the gateway's policy replaces whatever a
 * backend sent, and HSTS is sent even on plain HTTP because TLS ends at the load balancer.
 */
@Component
class SecurityHeadersFilter implements WebFilter, Ordered {

    private final HeadersProperties properties;

    SecurityHeadersFilter(HeadersProperties properties) {
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return FilterOrder.SECURITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> apply(exchange.getResponse().getHeaders())));
        return chain.filter(exchange);
    }

    private void apply(HttpHeaders headers) {
        headers.set("X-Frame-Options", "DENY");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("Strict-Transport-Security", properties.strictTransportSecurity());
        headers.set("Content-Security-Policy", properties.contentSecurityPolicy());
        headers.set("Permissions-Policy", properties.permissionsPolicy());
    }
}
