package ai.kaizen.analysis.analyze;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis cache (seed): Redis {@code analysis:{network}:{address}} holds the latest complete answer as JSON,
 * TTL 900 s. A quick request accepts a result up to 5 minutes old, a standard one up to 15 minutes, and only of at
 * least its depth; comprehensive never reads it. The cache is an optimisation: Redis being down means a miss.
 * Across instances, {@code analysis:lock:…} (SET NX PX) lets one instance compute a token while others wait for
 * its result.
 */
public final class AnalysisCache {

    /** A cached answer and what the service needs to know about it. */
    public record Hit(String json, AnalysisSummary summary) {
    }

    private static final Logger log = LoggerFactory.getLogger(AnalysisCache.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(
            "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
            Long.class);

    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final AnalysisProperties.Cache settings;
    private final Clock clock;
    private final Counter hits;
    private final Counter misses;

    public AnalysisCache(StringRedisTemplate redis, JsonMapper json, AnalysisProperties.Cache settings, Clock clock,
                         MeterRegistry meters) {
        this.redis = redis;
        this.json = json;
        this.settings = settings;
        this.clock = clock;
        this.hits = Counter.builder("kaizen.analysis.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("kaizen.analysis.cache").tag("result", "miss").register(meters);
    }

    public static String key(TokenId token) {
        return "analysis:" + token.network() + ":" + token.address();
    }

    /** A cached answer of at least this depth and young enough for it; never for comprehensive. */
    public Optional<Hit> fresh(TokenId token, Depth depth) {
        if (depth == Depth.COMPREHENSIVE) {
            return Optional.empty();
        }
        Optional<Hit> hit = read(key(token)).filter(h -> acceptable(h.summary(), depth));
        (hit.isPresent() ? hits : misses).increment();
        return hit;
    }

    private boolean acceptable(AnalysisSummary summary, Depth depth) {
        Duration age = Duration.between(summary.metadata().analyzedAt(), clock.instant());
        return AnalysisResponse.COMPLETE.equals(summary.status()) && summary.parsedDepth().covers(depth)
                && age.compareTo(settings.maxAge(depth)) < 0;
    }

    /** The newest cached answer for this address on any of the networks. */
    public Optional<Hit> latest(List<TokenId> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = candidates.stream().map(AnalysisCache::key).toList();
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(keys);
        } catch (RuntimeException e) {
            log.warn("Analysis cache unavailable ({}); answering without it", e.toString());
            return Optional.empty();
        }
        if (values == null) {
            return Optional.empty();
        }
        List<Hit> found = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                parse(value).ifPresent(found::add);
            }
        }
        return found.stream().max((a, b) -> a.summary().metadata().analyzedAt()
                .compareTo(b.summary().metadata().analyzedAt()));
    }

    public void put(TokenId token, String answer) {
        try {
            redis.opsForValue().set(key(token), answer, settings.ttl());
        } catch (RuntimeException e) {
            log.warn("Could not cache the analysis of {} ({})", token, e.toString());
        }
    }

    public void evict(TokenId token) {
        try {
            redis.delete(key(token));
        } catch (RuntimeException e) {
            log.warn("Could not evict the cached analysis of {} ({})", token, e.toString());
        }
    }

    /**
     * Runs {@code compute} while holding this token's cross-instance lock. When another instance holds it, waits
     * (up to lockWait) for that instance's result to appear in the cache and returns it instead; when the wait runs
     * out, or Redis is down, computes anyway.
     */
    public <T> T computeOnce(TokenId token, Depth depth, Supplier<Optional<T>> fromCache, Supplier<T> compute) {
        String lock = "analysis:lock:" + token.network() + ":" + token.address() + ":" + depth.label();
        String owner = UUID.randomUUID().toString();
        boolean held = acquire(lock, owner);
        if (!held) {
            // Counted in sleeps, not by the clock: the wait is real time whatever clock the service runs on.
            long waited = 0;
            while (waited < settings.lockWait().toMillis()) {
                sleep(100);
                waited += 100;
                Optional<T> done = fromCache.get();
                if (done.isPresent()) {
                    return done.get();
                }
                if (acquire(lock, owner)) {
                    held = true;
                    break;
                }
            }
        }
        try {
            return compute.get();
        } finally {
            if (held) {
                release(lock, owner);
            }
        }
    }

    private boolean acquire(String lock, String owner) {
        try {
            return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(lock, owner, settings.lockTtl()));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void release(String lock, String owner) {
        try {
            redis.execute(RELEASE, List.of(lock), owner);
        } catch (RuntimeException e) {
            log.debug("Could not release {} ({}); it expires by itself", lock, e.toString());
        }
    }

    private Optional<Hit> read(String key) {
        String value;
        try {
            value = redis.opsForValue().get(key);
        } catch (RuntimeException e) {
            log.warn("Analysis cache unavailable ({}); computing instead", e.toString());
            return Optional.empty();
        }
        return value == null ? Optional.empty() : parse(value);
    }

    private Optional<Hit> parse(String value) {
        try {
            return Optional.of(new Hit(value, json.readValue(value, AnalysisSummary.class)));
        } catch (RuntimeException e) {
            log.warn("Ignoring an unreadable cached analysis ({})", e.toString());
            return Optional.empty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another instance's analysis", e);
        }
    }
}
