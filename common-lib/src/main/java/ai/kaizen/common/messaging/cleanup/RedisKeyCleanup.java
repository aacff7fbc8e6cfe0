package ai.kaizen.common.messaging.cleanup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.kaizen.common.messaging.RedisStreams;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * Removes cache keys that would never expire: keys matching the patterns that have no TTL and have not
 * been touched for at least the retention (OBJECT IDLETIME). Walks the key space with SCAN, never KEYS,
 * so Redis keeps serving while it runs.
 */
public final class RedisKeyCleanup implements CleanupTask {

    private static final long SCAN_COUNT = 500;

    private final String name;
    private final RedisStreams redis;
    private final List<String> patterns;
    private final Duration defaultRetention;

    public RedisKeyCleanup(String name, RedisStreams redis, List<String> patterns, Duration defaultRetention) {
        for (String pattern : patterns) {
            if (pattern.isBlank() || pattern.equals("*")) {
                throw new IllegalArgumentException("A cleanup pattern must name a key prefix, not '" + pattern + "'");
            }
        }
        this.name = name;
        this.redis = redis;
        this.patterns = List.copyOf(patterns);
        this.defaultRetention = defaultRetention;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Duration defaultRetention() {
        return defaultRetention;
    }

    @Override
    public long run(Duration olderThan) {
        RedisCommands<String, String> commands = redis.sync();
        long idleSeconds = olderThan.toSeconds();
        long removed = 0;
        for (String pattern : patterns) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = commands.scan(cursor, new ScanArgs().match(pattern).limit(SCAN_COUNT));
                List<String> doomed = new ArrayList<>();
                for (String key : page.getKeys()) {
                    if (commands.ttl(key) == -1) {
                        Long idle = commands.objectIdletime(key);
                        if (idle != null && idle >= idleSeconds) {
                            doomed.add(key);
                        }
                    }
                }
                if (!doomed.isEmpty()) {
                    removed += commands.unlink(doomed.toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        }
        return removed;
    }
}
