package ai.kaizen.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import ai.kaizen.gateway.web.CorrelationIdFilter;
import ai.kaizen.gateway.web.GatewayProblems;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 * Fixed-window request counters in Redis: one atomic script reserves requests from the bucket's counter, starts
 * the window on the first reservation and returns the count and the window's remaining time.
 * <p>
 * A bucket used now and then reserves one request at a time, so every request is one Redis call. A busy bucket
 * (another reservation within {@value #HOT_WITHIN_MILLIS} ms of its last one) reserves a block: twice the previous
 * one, at most {@value #MAX_BLOCK} and never more than a sixteenth of what is left of its budget, and admits that
 * many requests from memory until the block is used or the window ends. Every admitted request was counted in
 * Redis before it was admitted, so all gateway instances together never admit more than the limit; a block one
 * instance reserved and did not use before the window ended is lost to the others (they may refuse a little early,
 * never late).
 * <p>
 * When Redis cannot be reached in time the request is let through (fail open): an outage of the
 * limiter's store must not take the whole API down. Each such request increments the metric
 * {@code kaizen.gateway.ratelimit.degraded} and a warning is logged at most every 30 seconds.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(30).toNanos();
    static final long HOT_WITHIN_MILLIS = 1_000;
    static final long MAX_BLOCK = 1_024;
    private static final String SCRIPT_TEXT = """
            local count = redis.call('INCRBY', KEYS[1], ARGV[2])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
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
    private final Cache<String, Block> blocks;

    RateLimiter(ReactiveStringRedisTemplate redis, RateLimitProperties properties, MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.meters = meters;
        this.degraded = Counter.builder("kaizen.gateway.ratelimit.degraded")
                .description("Requests let through unlimited because Redis was unreachable")
                .register(meters);
        this.blocks = Caffeine.newBuilder()
                .expireAfterAccess(properties.window().plusSeconds(1))
                .maximumSize(100_000)
                .build();
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
        Block block = blocks.get(bucket, key -> new Block());
        RateLimitDecision fromBlock = block.take(limit, System.nanoTime());
        if (fromBlock != null) {
            return Mono.just(fromBlock);
        }
        long asked = System.nanoTime();
        long size = block.nextSize(limit, asked);
        List<String> args = List.of(Long.toString(properties.window().toMillis()), Long.toString(size));
        return redis.execute(SCRIPT, List.of(properties.keyPrefix() + bucket), args)
                .next()
                // The window's end is counted from when Redis was asked, so it never ends here later than there.
                .map(result -> block.reserved(result.get(0), Math.max(result.get(1), 1), size, limit, asked))
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

    /** One bucket's requests that this instance reserved in Redis and has not admitted yet, in the current window. */
    static final class Block {

        private long unused;
        private long windowEndsNanos;
        /** The bucket's count in Redis after this instance's latest reservation in the current window. */
        private long counted;
        private long lastReservationNanos;
        private long lastSize;

        /** Admits a request from the block, or null when it is used up or its window is over. */
        synchronized @Nullable RateLimitDecision take(long limit, long now) {
            if (unused <= 0 || now - windowEndsNanos >= 0) {
                return null;
            }
            unused--;
            return decision(true, limit, now);
        }

        /** How many requests the next reservation asks for: one, unless the bucket is busy. */
        synchronized long nextSize(long limit, long now) {
            boolean busy = lastSize > 0 && now - lastReservationNanos < HOT_WITHIN_MILLIS * 1_000_000
                    && now - windowEndsNanos < 0;
            return busy ? Math.max(1, Math.min(Math.min(lastSize * 2, MAX_BLOCK), (limit - counted) / 16)) : 1;
        }

        /** Records a reservation of {@code size} that brought the bucket's count to {@code count}, and decides. */
        synchronized RateLimitDecision reserved(long count, long ttlMillis, long size, long limit, long now) {
            if (now - windowEndsNanos >= 0 || count <= size) {
                // The window this block belonged to is over (or Redis started a new one): its rest is void.
                unused = 0;
                counted = 0;
            }
            windowEndsNanos = now + ttlMillis * 1_000_000;
            counted = Math.max(counted, count);
            lastReservationNanos = now;
            lastSize = size;
            long granted = Math.max(0, Math.min(size, limit - (count - size)));
            if (granted == 0) {
                return decision(false, limit, now);
            }
            unused += granted - 1;
            return decision(true, limit, now);
        }

        private RateLimitDecision decision(boolean allowed, long limit, long now) {
            long remaining = allowed ? Math.max(0, Math.min(limit, limit - counted + unused)) : 0;
            long retryAfter = Math.max(1, (Math.max(0, windowEndsNanos - now) / 1_000_000 + 999) / 1000);
            return new RateLimitDecision(allowed, true, limit, remaining, retryAfter);
        }
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
