package ai.kaizen.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Busy buckets reserve blocks of requests in the real local Redis: far fewer Redis calls, the same answers, and
 * gateway instances sharing a bucket never admit more than its limit together.
 */
class RateLimiterBlockTests {

    private static LettuceConnectionFactory connections;

    private final String prefix = "kaizen-test:" + UUID.randomUUID() + ":";
    private final AtomicInteger redisCalls = new AtomicInteger();

    @BeforeAll
    static void connect() {
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(
                System.getenv().getOrDefault("REDIS_HOST", "localhost"),
                Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"))));
        connections.afterPropertiesSet();
        connections.start();
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void aBusyBucketIsCountedInBlocksWithExactRemainingCounts() {
        RateLimiter limiter = limiter(1_000);

        for (int i = 1; i <= 600; i++) {
            RateLimitDecision decision = limiter.user("busy-user", "free").block();
            assertThat(decision).isNotNull();
            assertThat(decision.allowed()).isTrue();
            assertThat(decision.enforced()).isTrue();
            assertThat(decision.remaining()).as("request %d", i).isEqualTo(1_000 - i);
        }
        assertThat(redisCalls.get()).as("Redis calls for 600 requests").isLessThan(60);
    }

    @Test
    void aQuietBucketAsksRedisForEveryRequest() {
        RateLimiter limiter = limiter(1_000);

        for (int i = 0; i < 3; i++) {
            limiter.user("quiet-user-" + i, "free").block();
        }
        assertThat(redisCalls.get()).isEqualTo(3);
    }

    @Test
    void instancesSharingABucketNeverAdmitMoreThanItsLimitTogether() {
        List<RateLimiter> gateways = List.of(limiter(300), limiter(300), limiter(300));

        List<RateLimitDecision> decisions = Flux.range(0, 1_200)
                .flatMap(i -> gateways.get(i % gateways.size()).user("shared-user", "free")
                        .subscribeOn(Schedulers.parallel()), 16)
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(decisions).hasSize(1_200);
        long admitted = decisions.stream().filter(RateLimitDecision::allowed).count();
        assertThat(admitted).isLessThanOrEqualTo(300).isGreaterThan(250);
        assertThat(decisions.stream().filter(d -> !d.allowed()))
                .allSatisfy(refused -> assertThat(refused.remaining()).isZero());
    }

    private RateLimiter limiter(long freeLimit) {
        RateLimitProperties properties = new RateLimitProperties(true, Duration.ofMinutes(1), 100,
                Map.of("free", freeLimit), "free", prefix, Duration.ofSeconds(2));
        ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(connections) {
            @Override
            public <T> Flux<T> execute(RedisScript<T> script, List<String> keys, List<?> args) {
                redisCalls.incrementAndGet();
                return super.execute(script, keys, args);
            }
        };
        return new RateLimiter(redis, properties, new SimpleMeterRegistry());
    }
}
