package ai.kaizen.common.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import com.github.f4b6a3.uuid.UuidCreator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Creates envelopes for one producing service and reads payloads back into records. */
public final class Envelopes {

    private final String producer;
    private final JsonMapper json;
    private final TraceContext.Source trace;
    private final Clock clock;
    private final Map<Class<?>, EventType> types = new ConcurrentHashMap<>();

    public Envelopes(String producer, JsonMapper json, TraceContext.Source trace, Clock clock) {
        if (producer.isBlank()) {
            throw new IllegalArgumentException("producer must not be blank");
        }
        this.producer = producer;
        this.json = json;
        this.trace = trace;
        this.clock = clock;
    }

    /** For code outside Spring (tests, tools): plain Jackson, generated trace contexts, UTC clock. */
    public static Envelopes standalone(String producer) {
        return new Envelopes(producer, JsonMapper.builder().build(), TraceContext::generate, Clock.systemUTC());
    }

    public String producer() {
        return producer;
    }

    public JsonMapper json() {
        return json;
    }

    /** An envelope for a payload record annotated with {@link EventType}. */
    public EventEnvelope create(String key, Object payload) {
        EventType type = typeOf(payload.getClass());
        return create(type.value(), type.version(), key, payload);
    }

    public EventEnvelope create(String type, int version, String key, Object payload) {
        return createRaw(type, version, key, write(payload));
    }

    /** An envelope around payload JSON that is already serialized (e.g. read back from a table). */
    public EventEnvelope createRaw(String type, int version, String key, String payloadJson) {
        // Microseconds: what PostgreSQL keeps, so an event reads the same from the outbox as from the stream.
        return new EventEnvelope(UuidCreator.getTimeOrderedEpoch(), type, version,
                clock.instant().truncatedTo(ChronoUnit.MICROS), producer,
                Objects.requireNonNull(key, "key"), currentTraceparent(), payloadJson);
    }

    public <T> T read(EventEnvelope envelope, Class<T> payloadType) {
        if (payloadType == String.class) {
            return payloadType.cast(envelope.payload());
        }
        try {
            return json.readValue(envelope.payload(), payloadType);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Payload of " + envelope.type() + " v" + envelope.version()
                    + " is not a " + payloadType.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    public String write(Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        return json.writeValueAsString(payload);
    }

    /** The {@link EventType} of a payload class. */
    public EventType typeOf(Class<?> payloadType) {
        return types.computeIfAbsent(payloadType, type -> {
            EventType annotation = type.getAnnotation(EventType.class);
            if (annotation == null) {
                throw new IllegalArgumentException(type.getName()
                        + " has no @EventType; annotate the payload record or pass type and version explicitly");
            }
            return annotation;
        });
    }

    private String currentTraceparent() {
        String value = trace.current();
        return TraceContext.isValid(value) ? value : TraceContext.generate();
    }
}
