package ai.kaizen.gateway.security;

import java.util.List;

import ai.kaizen.gateway.web.ClientAddressResolver;
import ai.kaizen.gateway.web.FilterOrder;
import ai.kaizen.gateway.web.RequestProperties;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Removes every identity header a client could use to impersonate someone before anything else
 * reads the request, and tells backends the client address the gateway determined in
 * {@code X-Real-IP} (replacing any client-sent value). Client-sent {@code Forwarded} and
 * {@code X-Forwarded-*} headers are dropped by Spring Cloud Gateway itself before forwarding.
 */
@Component
class IdentityHeaderFilter implements WebFilter, Ordered {

    static final String CLIENT_ADDRESS_HEADER = "X-Real-IP";

    private final List<String> stripHeaders;
    private final ClientAddressResolver addresses;

    IdentityHeaderFilter(RequestProperties properties, ClientAddressResolver addresses) {
        this.stripHeaders = properties.stripHeaders().stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return FilterOrder.IDENTITY_HEADERS;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String client = addresses.clientAddress(exchange);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            stripHeaders.forEach(headers::remove);
            headers.set(CLIENT_ADDRESS_HEADER, client);
        }).build();
        return chain.filter(exchange.mutate().request(request).build());
    }
}
