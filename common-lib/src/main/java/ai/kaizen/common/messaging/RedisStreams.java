package ai.kaizen.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.lettuce.core.resource.DefaultClientResources;
import org.jspecify.annotations.Nullable;

/**
 * The Redis side of messaging, on Lettuce directly rather than Spring's listener container: one
 * consumer loop owns reading, claiming, retrying and acknowledging, so a Redis restart is just an
 * exception to back off from and a NOGROUP to repair, never a silently cancelled subscription.
 * Commands share one auto-reconnecting connection; each blocking reader gets its own.
 */
public final class RedisStreams implements AutoCloseable {

    private final Supplier<RedisClient> clientSource;
    private final Duration commandTimeout;
    private final @Nullable Runnable onClose;
    private final Object lock = new Object();
    private @Nullable RedisClient client;
    private @Nullable StatefulRedisConnection<String, String> shared;

    /** Uses a client owned by someone else (in a service: Spring Boot's Lettuce client). */
    public RedisStreams(Supplier<RedisClient> clientSource, Duration commandTimeout) {
        this(clientSource, commandTimeout, null);
    }

    private RedisStreams(Supplier<RedisClient> clientSource, Duration commandTimeout, @Nullable Runnable onClose) {
        this.clientSource = clientSource;
        this.commandTimeout = commandTimeout;
        this.onClose = onClose;
    }

    /** Creates and owns a client for {@code redis://host:port}, reconnecting within a second after an outage. */
    public static RedisStreams connect(String redisUri, Duration commandTimeout) {
        ClientResources resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(20), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
                .build();
        RedisClient client = RedisClient.create(resources, RedisURI.create(redisUri));
        client.setOptions(ClientOptions.builder().autoReconnect(true).build());
        return new RedisStreams(() -> client, commandTimeout, () -> {
            client.shutdown();
            resources.shutdown();
        });
    }

    public Duration commandTimeout() {
        return commandTimeout;
    }

    private RedisClient client() {
        synchronized (lock) {
            if (client == null) {
                client = clientSource.get();
            }
            return client;
        }
    }

    private StatefulRedisConnection<String, String> shared() {
        synchronized (lock) {
            if (shared == null) {
                StatefulRedisConnection<String, String> connection = client().connect(StringCodec.UTF8);
                connection.setTimeout(commandTimeout);
                shared = connection;
            }
            return shared;
        }
    }

    /** Pipelined commands on the shared connection; never use blocking commands here. */
    public RedisAsyncCommands<String, String> async() {
        return shared().async();
    }

    public RedisCommands<String, String> sync() {
        return shared().sync();
    }

    /** A connection of its own, for blocking reads; the caller closes it. */
    public StatefulRedisConnection<String, String> dedicated(Duration timeout) {
        StatefulRedisConnection<String, String> connection = client().connect(StringCodec.UTF8);
        connection.setTimeout(timeout);
        return connection;
    }

    public <T> T await(RedisFuture<T> future) {
        return LettuceFutures.awaitOrCancel(future, commandTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Creates the consumer group reading from the stream's start (MKSTREAM); an existing group is fine. */
    public void ensureGroup(String stream, String group) {
        try {
            sync().xgroupCreate(XReadArgs.StreamOffset.from(stream, "0-0"), group, new XGroupCreateArgs().mkstream(true));
        } catch (RedisCommandExecutionException e) {
            if (!isBusyGroup(e)) {
                throw e;
            }
        }
    }

    /** The Redis server's run id; it changes with every restart. */
    public String runId() {
        String info = sync().info("server");
        for (String line : info.split("\r?\n")) {
            if (line.startsWith("run_id:")) {
                return line.substring("run_id:".length()).trim();
            }
        }
        throw new IllegalStateException("INFO server did not report a run_id");
    }

    static boolean isBusyGroup(Throwable e) {
        return e.getMessage() != null && e.getMessage().startsWith("BUSYGROUP");
    }

    static boolean isNoGroup(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOGROUP")) {
                return true;
            }
        }
        return false;
    }

    /** Reads XINFO's flat key/value replies into a map. */
    static Map<String, Object> pairs(@Nullable Object reply) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (reply instanceof List<?> list) {
            for (int i = 0; i + 1 < list.size(); i += 2) {
                map.put(String.valueOf(list.get(i)), list.get(i + 1));
            }
        }
        return map;
    }

    static List<Map<String, Object>> pairList(@Nullable List<Object> reply) {
        List<Map<String, Object>> result = new ArrayList<>();
        if (reply != null) {
            for (Object item : reply) {
                result.add(pairs(item));
            }
        }
        return result;
    }

    static long number(@Nullable Object value, long fallback) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value != null) {
            try {
                return Long.parseLong(value.toString());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
            if (onClose != null) {
                onClose.run();
            }
        }
    }
}
