package ai.kaizen.gateway.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * Gives every request a correlation id: a well-formed incoming {@code X-Correlation-Id} is kept,
 * anything else is replaced by a fresh UUID. The id goes to the backend ({@code ProxiedRequestHeaders}),
 * back to the client, into the Reactor context of the request and, through {@link #log}, into the MDC
 * ({@code correlationId}) of the gateway's own log lines (log statements opt in; Reactor's automatic
 * thread-local propagation is not switched on).
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
        String id = incoming != null && WELL_FORMED.matcher(incoming).matches() ? incoming : newId();
        exchange.getAttributes().put(ATTRIBUTE, id);
        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> exchange.getResponse().getHeaders().set(HEADER, id)));
        return chain.filter(exchange).contextWrite(Context.of(MDC_KEY, id));
    }

    /** The request's correlation id (the backend receives it through {@code ProxiedRequestHeaders}). */
    public static String id(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : newId();
    }

    /**
     * A random (version 4) UUID from a per-thread generator: a correlation id must be unique, not unpredictable
     * (clients may choose their own), and {@link UUID#randomUUID()}'s SecureRandom showed up in the profile.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
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
