package ai.kaizen.data.facts;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Short-lived Redis cache of complete facts. Redis is an optimisation here: any Redis failure is logged and the
 * request goes on without it, and Redis is left alone for a quiet period so a dead server costs no timeouts.
 */
@Component
class FactsCache {

    private static final Logger log = LoggerFactory.getLogger(FactsCache.class);

    private final StringRedisTemplate redis;
    private final JsonMapper mapper;
    private final FactsProperties properties;
    private final Clock clock;
    private final AtomicLong quietUntil = new AtomicLong();

    FactsCache(StringRedisTemplate redis, JsonMapper mapper, FactsProperties properties, Optional<Clock> clock) {
        this.redis = redis;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    static String key(String network, String lowerHexAddress, Depth depth) {
        return "facts:" + network + ":" + lowerHexAddress + ":" + depth.label();
    }

    Optional<TokenFacts> get(String key) {
        if (quiet()) {
            return Optional.empty();
        }
        try {
            String json = redis.opsForValue().get(key);
            return json == null ? Optional.empty() : Optional.of(mapper.readValue(json, TokenFacts.class));
        } catch (RuntimeException e) {
            failed("read", e);
            return Optional.empty();
        }
    }

    void put(String key, TokenFacts facts) {
        if (quiet() || !facts.complete()) {
            return;
        }
        try {
            redis.opsForValue().set(key, mapper.writeValueAsString(facts), properties.cacheTtl());
        } catch (RuntimeException e) {
            failed("write", e);
        }
    }

    private boolean quiet() {
        return clock.millis() < quietUntil.get();
    }

    private void failed(String what, RuntimeException e) {
        quietUntil.set(clock.millis() + properties.redisQuietPeriod().toMillis());
        log.warn("Facts cache {} failed ({}); serving without the cache for {}", what, e.getMessage(),
                properties.redisQuietPeriod());
    }
}
