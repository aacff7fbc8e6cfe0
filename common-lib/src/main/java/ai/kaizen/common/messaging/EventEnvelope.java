package ai.kaizen.common.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What travels on every stream entry. The payload is the producer's JSON, a contract the producer
 * owns and changes only additively; everything else is routing and tracing metadata.
 *
 * @param id          event id (UUIDv7); the idempotency key on every consumer
 * @param type        event type, e.g. {@code analysis.completed}
 * @param version     payload schema version of that type
 * @param occurredAt  when the producer created the event
 * @param producer    the producing service
 * @param key         the business key (token address, user id, …) the event is about
 * @param traceparent W3C trace context of the producing request
 * @param payload     the payload as JSON text
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String producer, String key,
                            String traceparent, String payload) {

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String VERSION = "version";
    public static final String OCCURRED_AT = "occurredAt";
    public static final String PRODUCER = "producer";
    public static final String KEY = "key";
    public static final String TRACEPARENT = "traceparent";
    public static final String PAYLOAD = "payload";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        requireText(type, "type");
        requireText(producer, "producer");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(traceparent, "traceparent");
        Objects.requireNonNull(payload, "payload");
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, was " + version);
        }
    }

    /** The stream entry's fields, flat so that XRANGE shows them readably. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>(12);
        fields.put(ID, id.toString());
        fields.put(TYPE, type);
        fields.put(VERSION, Integer.toString(version));
        fields.put(OCCURRED_AT, occurredAt.toString());
        fields.put(PRODUCER, producer);
        fields.put(KEY, key);
        fields.put(TRACEPARENT, traceparent);
        fields.put(PAYLOAD, payload);
        return fields;
    }

    /**
     * Reads an envelope from a stream entry's fields.
     *
     * @throws MalformedEnvelopeException when a field is missing or unreadable
     */
    public static EventEnvelope fromFields(@Nullable Map<String, String> fields) {
        if (fields == null || fields.isEmpty()) {
            throw new MalformedEnvelopeException("the entry has no fields");
        }
        try {
            return new EventEnvelope(
                    UUID.fromString(required(fields, ID)),
                    required(fields, TYPE),
                    Integer.parseInt(required(fields, VERSION)),
                    Instant.parse(required(fields, OCCURRED_AT)),
                    required(fields, PRODUCER),
                    required(fields, KEY),
                    fields.getOrDefault(TRACEPARENT, ""),
                    required(fields, PAYLOAD));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEnvelopeException(e.getMessage());
        }
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new MalformedEnvelopeException("field '" + name + "' is missing");
        }
        return value;
    }

    private static void requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** A stream entry that is not a Kaizen envelope; it goes straight to the dead-letter stream. */
    public static final class MalformedEnvelopeException extends IllegalArgumentException {
        public MalformedEnvelopeException(@Nullable String reason) {
            super("Malformed event envelope: " + reason);
        }
    }
}
