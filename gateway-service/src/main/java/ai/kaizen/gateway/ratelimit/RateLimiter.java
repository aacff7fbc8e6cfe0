package ai.kaizen.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ai.kaizen.gateway.web.CorrelationIdFilter;
import ai.kaizen.gateway.web.GatewayProblems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Fixed-window request counters in Redis: one atomic script increments the bucket's counter, starts
 * the window on the first request and returns the count and the window's remaining time.
 * <p>
 * When Redis cannot be reached in time the request is let through (fail open): an outage of the
 * limiter's store must not take the whole API down. Each such request increments the metric
 * {@code kaizen.gateway.ratelimit.degraded} and a warning is logged at most every 30 seconds.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    private static final String SCRIPT_TEXT = """
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if count == 1 or ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {count, ttl}
            """;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final RedisScript<List<Long>> SCRIPT = (RedisScript) RedisScript.of(SCRIPT_TEXT, List.class);

    private final ReactiveStringRedisTemplate redis;
    private final RateLimitProperties properties;
    private final MeterRegistry meters;
    private final Counter degraded;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    RateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.meters = meters;
        this.degraded = Counter.builder("kaizen.gateway.ratelimit.degraded")
                .description("Requests let through unlimited because Redis was unreachable")
                .register(meters);
    }

    /** Counts a request without a token against its client address. */
    public Mono<RateLimitDecision> anonymous(String clientAddress) {
        return consume("ip:" + clientAddress, properties.anonymous(), "anonymous");
    }

    /** Counts an authenticated request against its user, with the budget of the user's tier. */
    public Mono<RateLimitDecision> user(String subject, @Nullable String tier) {
        return consume("user:" + subject, properties.limitForTier(tier), tier == null ? properties.defaultTier() : tier);
    }

    /** The 429 problem for a refused request, with Retry-After and the rate-limit headers. */
    public static ErrorResponseException tooManyRequests(RateLimitDecision decision) {
        ErrorResponseException problem = GatewayProblems.of(HttpStatus.TOO_MANY_REQUESTS,
                "Rate limit of " + decision.limit() + " requests per window exceeded; retry in "
                        + decision.retryAfterSeconds() + " s.");
        problem.getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        problem.getHeaders().set("X-RateLimit-Limit", Long.toString(decision.limit()));
        problem.getHeaders().set("X-RateLimit-Remaining", "0");
        return problem;
    }

    private Mono<RateLimitDecision> consume(String bucket, long limit, String scope) {
        if (!properties.enabled()) {
            return Mono.just(RateLimitDecision.unenforced(limit));
        }
        String windowMillis = Long.toString(properties.window().toMillis());
        return redis.execute(SCRIPT, List.of(properties.keyPrefix() + bucket), List.of(windowMillis))
                .next()
                .map(result -> decide(result, limit))
                .timeout(properties.redisTimeout())
                .doOnNext(decision -> {
                    if (!decision.allowed()) {
                        meters.counter("kaizen.gateway.ratelimit.rejected", "scope", scope).increment();
                    }
                })
                .onErrorResume(error -> Mono.deferContextual(context -> {
                    failOpen(error, context);
                    return Mono.just(RateLimitDecision.unenforced(limit));
                }))
                .defaultIfEmpty(RateLimitDecision.unenforced(limit));
    }

    private static RateLimitDecision decide(List<Long> result, long limit) {
        long count = result.get(0);
        long ttlMillis = Math.max(result.get(1), 1);
        long retryAfter = Math.max(1, (ttlMillis + 999) / 1000);
        return new RateLimitDecision(count <= limit, true, limit, Math.max(0, limit - count), retryAfter);
    }

    private void failOpen(Throwable error, ContextView context) {
        degraded.increment();
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            CorrelationIdFilter.log(context, () -> log.warn(
                    "Rate limiting skipped: Redis unreachable ({}). Requests pass unlimited until it is back.",
                    error.toString()));
        }
    }
}
