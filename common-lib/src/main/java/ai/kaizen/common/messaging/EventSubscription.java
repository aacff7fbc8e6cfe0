package ai.kaizen.common.messaging;

import org.jspecify.annotations.Nullable;

/**
 * Declares that this service handles events of one type (or every type) on a stream. Declare it as a
 * bean and the service's consumer picks it up; the consumer group is the service name.
 *
 * @param stream       the stream and how to work on it
 * @param type         the event type handled, or null for every type on the stream
 * @param payloadType  the record the payload is read into ({@code String} for the raw JSON)
 * @param handler      the per-event handler, or null when {@code batchHandler} is set
 * @param batchHandler the per-transaction handler, or null when {@code handler} is set
 */
public record EventSubscription<T>(StreamDefinition stream, @Nullable String type, Class<T> payloadType,
                                   @Nullable EventHandler<T> handler, @Nullable BatchEventHandler<T> batchHandler) {

    public EventSubscription {
        if ((handler == null) == (batchHandler == null)) {
            throw new IllegalArgumentException("A subscription has exactly one of handler and batchHandler");
        }
    }

    /** Handles the payload record's {@link EventType} on the stream, one event at a time. */
    public static <T> EventSubscription<T> of(StreamDefinition stream, Class<T> payloadType, EventHandler<T> handler) {
        return new EventSubscription<>(stream, typeOf(payloadType), payloadType, handler, null);
    }

    public static <T> EventSubscription<T> ofType(StreamDefinition stream, String type, Class<T> payloadType,
                                                  EventHandler<T> handler) {
        return new EventSubscription<>(stream, type, payloadType, handler, null);
    }

    /** Every event on the stream, payload as raw JSON. */
    public static EventSubscription<String> all(StreamDefinition stream, EventHandler<String> handler) {
        return new EventSubscription<>(stream, null, String.class, handler, null);
    }

    /** Handles the payload record's {@link EventType} a transaction's worth at a time. */
    public static <T> EventSubscription<T> batch(StreamDefinition stream, Class<T> payloadType,
                                                 BatchEventHandler<T> handler) {
        return new EventSubscription<>(stream, typeOf(payloadType), payloadType, null, handler);
    }

    private static String typeOf(Class<?> payloadType) {
        EventType type = payloadType.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payloadType.getName() + " has no @EventType; use ofType(...)");
        }
        return type.value();
    }

    boolean accepts(String eventType) {
        return type == null || type.equals(eventType);
    }
}
