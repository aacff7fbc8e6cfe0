package ai.kaizen.common.messaging;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.RedisException;
import io.lettuce.core.XAddArgs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Publishes envelopes straight to a stream (XADD with approximate MAXLEN trimming). A service that
 * also writes PostgreSQL publishes through {@link Outbox} instead, so nothing is lost between its
 * commit and the XADD.
 */
public final class EventPublisher implements StreamWriter {

    private final RedisStreams redis;
    private final Envelopes envelopes;
    private final XAddArgs trim;
    private final MeterRegistry meters;
    private final Map<String, Counter> published = new ConcurrentHashMap<>();

    public EventPublisher(RedisStreams redis, Envelopes envelopes, long maxLen, MeterRegistry meters) {
        this.redis = redis;
        this.envelopes = envelopes;
        this.trim = new XAddArgs().maxlen(maxLen).approximateTrimming();
        this.meters = meters;
    }

    public Envelopes envelopes() {
        return envelopes;
    }

    /** Publishes a payload record annotated with {@link EventType}; returns the envelope sent. */
    public EventEnvelope publish(String stream, String key, Object payload) {
        EventEnvelope envelope = envelopes.create(key, payload);
        publish(stream, envelope);
        return envelope;
    }

    public EventEnvelope publish(String stream, String type, int version, String key, Object payload) {
        EventEnvelope envelope = envelopes.create(type, version, key, payload);
        publish(stream, envelope);
        return envelope;
    }

    /** Publishes and waits for Redis to confirm; returns the stream entry id. */
    public String publish(String stream, EventEnvelope envelope) {
        try {
            return write(stream, envelope).get(redis.commandTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisException("Interrupted while publishing to " + stream, e);
        } catch (ExecutionException | CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime
                    : new RedisException("Publishing to " + stream + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new RedisException("Redis did not confirm publishing to " + stream + " in " + redis.commandTimeout(), e);
        }
    }

    /** Pipelined XADD; many calls in a row share round trips. */
    @Override
    public CompletableFuture<String> write(String stream, EventEnvelope envelope) {
        Counter counter = published.computeIfAbsent(stream, name -> Counter.builder("kaizen.messaging.published")
                .tag("stream", name).description("Events appended to the stream by this service").register(meters));
        return redis.async().xadd(stream, trim, envelope.toFields()).toCompletableFuture()
                .whenComplete((id, error) -> {
                    if (error == null) {
                        counter.increment();
                    }
                });
    }

    /** Streams this service has published to since it started. */
    public Set<String> publishedStreams() {
        return Set.copyOf(published.keySet());
    }
}
