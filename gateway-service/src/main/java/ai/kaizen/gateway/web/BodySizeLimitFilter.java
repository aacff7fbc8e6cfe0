package ai.kaizen.gateway.web;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Rejects request bodies over the configured size with 413 before any backend sees them. A declared
 * Content-Length is checked up front; a chunked body (no length) is read up to the limit first and
 * then forwarded with its now-known length, so an oversized one never reaches a backend half-sent.
 */
@Component
class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long maxBytes;

    BodySizeLimitFilter(RequestProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public int getOrder() {
        return FilterOrder.BODY_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        long declared = headers.getContentLength();
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        if (declared >= 0 || !headers.containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge())
                .map(body -> withBody(exchange.getRequest(), body))
                .defaultIfEmpty(withBody(exchange.getRequest(), null))
                .flatMap(request -> chain.filter(exchange.mutate().request(request).build()));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest original, @Nullable DataBuffer body) {
        HttpHeaders headers = HttpHeaders.copyOf(original.getHeaders());
        headers.remove(HttpHeaders.TRANSFER_ENCODING);
        headers.setContentLength(body == null ? 0 : body.readableByteCount());
        return new ServerHttpRequestDecorator(original) {
            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return body == null ? Flux.empty() : Flux.just(body);
            }
        };
    }

    private RuntimeException tooLarge() {
        return GatewayProblems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                "The request body is larger than the limit of " + maxBytes + " bytes.");
    }
}
