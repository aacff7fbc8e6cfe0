package ai.kaizen.common.messaging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;

/**
 * The dead-letter stream of a group ({@code <stream>:dlq:<group>}): each entry keeps the original
 * fields and adds where it came from, how often it was delivered and why it failed.
 */
public final class DeadLetters {

    public static final String STREAM = "dlq.stream";
    public static final String ENTRY_ID = "dlq.entryId";
    public static final String GROUP = "dlq.group";
    public static final String CONSUMER = "dlq.consumer";
    public static final String REASON = "dlq.reason";
    public static final String DELIVERIES = "dlq.deliveries";
    public static final String FAILED_AT = "dlq.failedAt";

    /**
     * @param id              the dead-letter entry id
     * @param stream          the stream it failed on
     * @param originalEntryId its entry id there
     * @param reason          the last failure
     * @param deliveries      deliveries before it was given up
     * @param failedAt        when it was given up
     * @param eventId         the envelope's event id, when it had one
     * @param type            the envelope's event type, when it had one
     */
    public record DeadLetter(String id, String stream, String originalEntryId, String reason, long deliveries,
                             String failedAt, String eventId, String type) {
    }

    private final RedisStreams redis;
    private final XAddArgs trim;

    public DeadLetters(RedisStreams redis, long maxLen) {
        this.redis = redis;
        this.trim = new XAddArgs().maxlen(maxLen).approximateTrimming();
    }

    public List<DeadLetter> list(String stream, String group, int limit) {
        return redis.sync().xrevrange(StreamDefinition.deadLetterKey(stream, group), Range.create("-", "+"),
                Limit.from(limit)).stream().map(DeadLetters::toDeadLetter).toList();
    }

    public Optional<DeadLetter> find(String stream, String group, String id) {
        return entry(stream, group, id).map(DeadLetters::toDeadLetter);
    }

    /**
     * Puts a dead letter back on its stream as a new entry with the same envelope (so consumers that did
     * process it recognise the event id) and removes it from the dead letters.
     *
     * @return the new entry id, or empty when there is no such dead letter
     */
    public Optional<String> replay(String stream, String group, String id) {
        Optional<StreamMessage<String, String>> entry = entry(stream, group, id);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>(entry.get().getBody());
        fields.keySet().removeIf(name -> name.startsWith("dlq."));
        String newId = redis.sync().xadd(stream, trim, fields);
        redis.sync().xdel(StreamDefinition.deadLetterKey(stream, group), id);
        return Optional.of(newId);
    }

    private Optional<StreamMessage<String, String>> entry(String stream, String group, String id) {
        List<StreamMessage<String, String>> found = redis.sync()
                .xrange(StreamDefinition.deadLetterKey(stream, group), Range.create(id, id), Limit.from(1));
        return found.stream().filter(message -> message.getBody() != null).findFirst();
    }

    private static DeadLetter toDeadLetter(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody() == null ? Map.of() : message.getBody();
        return new DeadLetter(message.getId(), body.getOrDefault(STREAM, ""), body.getOrDefault(ENTRY_ID, ""),
                body.getOrDefault(REASON, ""), RedisStreams.number(body.get(DELIVERIES), 0),
                body.getOrDefault(FAILED_AT, ""), body.getOrDefault(EventEnvelope.ID, ""),
                body.getOrDefault(EventEnvelope.TYPE, ""));
    }
}
