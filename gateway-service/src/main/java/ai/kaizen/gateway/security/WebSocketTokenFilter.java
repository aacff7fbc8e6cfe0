package ai.kaizen.gateway.security;

import java.net.URI;

import ai.kaizen.gateway.web.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Browsers cannot set headers on a WebSocket handshake, so for {@code GET /ws/**} only, an
 * {@code access_token} query parameter is turned into an {@code Authorization: Bearer} header (and
 * removed from the URL, so it stays out of backend access logs). Everywhere else tokens must come
 * in the header.
 */
@Component
class WebSocketTokenFilter implements WebFilter, Ordered {

    static final String PARAMETER = "access_token";

    @Override
    public int getOrder() {
        return FilterOrder.WEBSOCKET_TOKEN;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String token = request.getQueryParams().getFirst(PARAMETER);
        if (token == null || request.getMethod() != HttpMethod.GET || !isWebSocketPath(request.getPath().value())
                || request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange);
        }
        URI withoutToken = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(PARAMETER).build(true).toUri();
        ServerHttpRequest mutated = request.mutate()
                .uri(withoutToken)
                .headers(headers -> headers.setBearerAuth(token))
                .build();
        return chain.filter(exchange.mutate().request(mutated).build());
    }

    private static boolean isWebSocketPath(String path) {
        return path.equals("/ws") || path.startsWith("/ws/");
    }
}
