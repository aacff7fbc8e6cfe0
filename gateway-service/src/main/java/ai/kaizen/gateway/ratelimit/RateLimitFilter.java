package ai.kaizen.gateway.ratelimit;

import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.gateway.web.ClientAddressResolver;
import ai.kaizen.gateway.web.FilterOrder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the request budget once authentication is done: per user ({@code sub}) by the token's tier,
 * per client address without a token. Refused requests get 429 with Retry-After; every counted
 * response carries X-RateLimit-Limit and X-RateLimit-Remaining. Probes and metrics are never limited.
 */
@Component
class RateLimitFilter implements WebFilter, Ordered {

    private final RateLimiter limiter;
    private final ClientAddressResolver addresses;

    RateLimitFilter(RateLimiter limiter, ClientAddressResolver addresses) {
        this.limiter = limiter;
        this.addresses = addresses;
    }

    @Override
    public int getOrder() {
        return FilterOrder.RATE_LIMIT;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .flatMap(auth -> limiter.user(auth.getToken().getSubject(),
                        auth.getToken().getClaimAsString(KaizenJwt.TIER_CLAIM)))
                .switchIfEmpty(Mono.defer(() -> limiter.anonymous(addresses.clientAddress(exchange))))
                .flatMap(decision -> {
                    if (decision.enforced()) {
                        exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> {
                            HttpHeaders headers = exchange.getResponse().getHeaders();
                            headers.set("X-RateLimit-Limit", Long.toString(decision.limit()));
                            headers.set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
                        }));
                    }
                    return decision.allowed() ? chain.filter(exchange) : Mono.error(RateLimiter.tooManyRequests(decision));
                });
    }
}
