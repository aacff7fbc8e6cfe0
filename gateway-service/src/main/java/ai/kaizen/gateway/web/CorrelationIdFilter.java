package ai.kaizen.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Gives every request a correlation id: a well-formed incoming {@code X-Correlation-Id} is kept,
 * anything else is replaced by a fresh UUID. The id goes to the backend, back to the client, into
 * the Reactor context of the request and, through {@link #log}, into the MDC ({@code correlationId})
 * of the gateway's own log lines (log statements opt in; Reactor's automatic thread-local
 * propagation is not switched on).
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    private static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".id";
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{7,127}");

    @Override
    public int getOrder() {
        return FilterOrder.CORRELATION_ID;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> exchange.getResponse().getHeaders().set(HEADER, id)));
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        return chain.filter(exchange.mutate().request(request).build()).contextWrite(Context.of(MDC_KEY, id));
    }

    /** Runs a logging statement with the request's correlation id (from the Reactor context) in the MDC. */
    public static void log(ContextView context, Runnable statement) {
        String id = context.getOrDefault(MDC_KEY, null);
        if (id == null) {
            statement.run();
            return;
        }
        try (MDC.MDCCloseable ignored = MDC.putCloseable(MDC_KEY, id)) {
            statement.run();
        }
    }

    /** The id this filter gave the exchange, or {@code null} before it ran. */
    public static @Nullable String correlationId(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
