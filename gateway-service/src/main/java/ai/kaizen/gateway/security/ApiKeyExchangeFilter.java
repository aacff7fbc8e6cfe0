package ai.kaizen.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.gateway.ratelimit.RateLimiter;
import ai.kaizen.gateway.web.ClientAddressResolver;
import ai.kaizen.gateway.web.CorrelationIdFilter;
import ai.kaizen.gateway.web.FilterOrder;
import ai.kaizen.gateway.web.GatewayProblems;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Lets API clients authenticate with {@code X-API-Key}: without an Authorization header the key is
 * exchanged at auth-service for a short-lived access token, which is then validated and forwarded
 * like any other bearer token. Tokens are cached in memory under the key's SHA-256 (never the key
 * itself) until shortly before they expire; concurrent requests with one key share one exchange.
 * The key header itself never reaches a backend. A cache miss counts against the caller's anonymous
 * budget, so guessing keys cannot flood auth-service.
 */
@Component
class ApiKeyExchangeFilter implements WebFilter, Ordered {

    static final String HEADER = "X-API-Key";
    private static final Logger log = LoggerFactory.getLogger(ApiKeyExchangeFilter.class);
    private static final int MAX_KEY_LENGTH = 512;

    /**
     * The result of one exchange: a token and how long it may be reused, or the failure. Failures are
     * values rather than failed futures so they are shared by concurrent callers but never kept.
     */
    private record Outcome(@Nullable String token, Duration reuseFor, @Nullable Throwable failure) {

        static Outcome failed(Throwable failure) {
            return new Outcome(null, Duration.ZERO, failure);
        }
    }

    private final ApiKeyExchangeClient client;
    private final RateLimiter rateLimiter;
    private final ClientAddressResolver addresses;
    private final Duration refreshMargin;
    private final AsyncCache<String, Outcome> tokens;

    ApiKeyExchangeFilter(ApiKeyExchangeClient client, RateLimiter rateLimiter, ClientAddressResolver addresses,
                         ApiKeyProperties properties) {
        this.client = client;
        this.rateLimiter = rateLimiter;
        this.addresses = addresses;
        this.refreshMargin = properties.refreshMargin();
        this.tokens = Caffeine.newBuilder()
                .maximumSize(properties.cacheSize())
                .expireAfter(new Expiry<String, Outcome>() {
                    @Override
                    public long expireAfterCreate(String key, Outcome token, long currentTime) {
                        return token.reuseFor().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Outcome token, long currentTime, long currentDuration) {
                        return token.reuseFor().toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Outcome token, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .buildAsync();
    }

    @Override
    public int getOrder() {
        return FilterOrder.API_KEY;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        List<String> keys = exchange.getRequest().getHeaders().getOrEmpty(HEADER);
        if (keys.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest withoutKey = exchange.getRequest().mutate().headers(headers -> headers.remove(HEADER)).build();
        if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
            return chain.filter(exchange.mutate().request(withoutKey).build());
        }
        String key = keys.getFirst().trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return Mono.error(invalidKey());
        }
        return Mono.fromFuture(tokens.get(sha256(key), (hash, executor) -> exchange(exchange, key).toFuture()), true)
                .flatMap(outcome -> {
                    String token = outcome.token();
                    if (token == null) {
                        Throwable failure = outcome.failure() != null ? outcome.failure() : new IllegalStateException("no token");
                        return Mono.deferContextual(context -> Mono.error(mapFailure(failure, context)));
                    }
                    ServerHttpRequest withToken = withoutKey.mutate()
                            .headers(headers -> headers.setBearerAuth(token))
                            .build();
                    return chain.filter(exchange.mutate().request(withToken).build());
                });
    }

    private Mono<Outcome> exchange(ServerWebExchange exchange, String key) {
        return rateLimiter.anonymous(addresses.clientAddress(exchange))
                .flatMap(decision -> decision.allowed()
                        ? client.exchange(key, CorrelationIdFilter.correlationId(exchange))
                        : Mono.error(RateLimiter.tooManyRequests(decision)))
                .map(issued -> new Outcome(issued.accessToken(), reuseFor(issued.expiresIn()), null))
                .onErrorResume(error -> Mono.just(Outcome.failed(error)));
    }

    private Duration reuseFor(long expiresInSeconds) {
        Duration reuse = Duration.ofSeconds(expiresInSeconds).minus(refreshMargin);
        return reuse.isNegative() ? Duration.ZERO : reuse;
    }

    private Throwable mapFailure(Throwable error, ContextView context) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof ErrorResponseException) && !(cause instanceof ApiKeyExchangeClient.UnknownApiKeyException)) {
            cause = cause.getCause();
        }
        if (cause instanceof ApiKeyExchangeClient.UnknownApiKeyException) {
            return invalidKey();
        }
        if (cause instanceof ErrorResponseException problem) {
            return problem;
        }
        CorrelationIdFilter.log(context, () -> log.warn("API key exchange failed: {}", error.toString()));
        return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "auth-service is unavailable, so the API key could not be checked; try again later.");
    }

    private static ErrorResponseException invalidKey() {
        return GatewayProblems.unauthorized("The API key is not valid.", "Bearer error=\"invalid_token\"");
    }

    private static String sha256(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
