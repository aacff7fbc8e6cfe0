package ai.kaizen.gateway.security;

import java.util.List;

import ai.kaizen.gateway.web.ClientAddressResolver;
import ai.kaizen.gateway.web.CorrelationIdFilter;
import ai.kaizen.gateway.web.RequestProperties;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers every proxied request (REST and WebSocket) leaves with: every identity header a client could use to
 * impersonate someone removed, the client address the gateway determined in {@code X-Real-IP} and the request's
 * correlation id in {@code X-Correlation-Id} (both replacing any client-sent value). Client-sent {@code Forwarded}
 * and {@code X-Forwarded-*} headers are dropped by Spring Cloud Gateway's own header filters. Done once, on the
 * headers being forwarded, rather than by rewriting the incoming request: nothing in the gateway reads these headers,
 * and each rewrite copied every header of every request.
 */
@Component
class ProxiedRequestHeaders implements HttpHeadersFilter, Ordered {

    static final String CLIENT_ADDRESS_HEADER = "X-Real-IP";

    private final List<String> stripHeaders;
    private final ClientAddressResolver addresses;

    ProxiedRequestHeaders(RequestProperties properties, ClientAddressResolver addresses) {
        this.stripHeaders = properties.stripHeaders().stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        this.addresses = addresses;
    }

    /** Last, so no other header filter can bring back what this one removed. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = HttpHeaders.copyOf(input);
        stripHeaders.forEach(headers::remove);
        headers.set(CLIENT_ADDRESS_HEADER, addresses.clientAddress(exchange));
        headers.set(CorrelationIdFilter.HEADER, CorrelationIdFilter.id(exchange));
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }
}
