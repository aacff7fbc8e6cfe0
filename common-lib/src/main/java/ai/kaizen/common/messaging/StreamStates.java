package ai.kaizen.common.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/** Reads what operators and gauges need to know about a stream: length, groups, lag, pending, consumers, dead letters. */
public final class StreamStates {

    /**
     * @param name       consumer name
     * @param pending    entries delivered to it and not yet acknowledged
     * @param idleMillis time since it last read or claimed
     */
    public record ConsumerState(String name, long pending, long idleMillis) {
    }

    /**
     * @param name            the group (a consuming service)
     * @param lag             entries not yet delivered to the group (null when Redis cannot tell)
     * @param pending         entries delivered and not yet acknowledged
     * @param lastDeliveredId the last entry delivered to the group
     * @param deadLetters     entries of this group in its dead-letter stream
     * @param consumers       the group's consumers
     */
    public record GroupState(String name, @Nullable Long lag, long pending, String lastDeliveredId, long deadLetters,
                             List<ConsumerState> consumers) {
    }

    /**
     * @param stream the stream key
     * @param exists whether Redis has the stream at all
     * @param length entries in the stream
     * @param groups its consumer groups
     */
    public record StreamState(String stream, boolean exists, long length, List<GroupState> groups) {

        public @Nullable GroupState group(String name) {
            return groups.stream().filter(group -> group.name().equals(name)).findFirst().orElse(null);
        }
    }

    private final RedisStreams redis;

    public StreamStates(RedisStreams redis) {
        this.redis = redis;
    }

    public StreamState read(String stream) {
        RedisCommands<String, String> commands = redis.sync();
        if (commands.exists(stream) == 0) {
            return new StreamState(stream, false, 0, List.of());
        }
        long length = commands.xlen(stream);
        List<GroupState> groups = new ArrayList<>();
        try {
            for (Map<String, Object> group : RedisStreams.pairList(commands.xinfoGroups(stream))) {
                String name = String.valueOf(group.get("name"));
                Object lag = group.get("lag");
                List<ConsumerState> consumers = new ArrayList<>();
                for (Map<String, Object> consumer : RedisStreams.pairList(commands.xinfoConsumers(stream, name))) {
                    consumers.add(new ConsumerState(String.valueOf(consumer.get("name")),
                            RedisStreams.number(consumer.get("pending"), 0),
                            RedisStreams.number(consumer.get("idle"), 0)));
                }
                groups.add(new GroupState(name, lag == null ? null : RedisStreams.number(lag, 0),
                        RedisStreams.number(group.get("pending"), 0), String.valueOf(group.get("last-delivered-id")),
                        commands.xlen(StreamDefinition.deadLetterKey(stream, name)), List.copyOf(consumers)));
            }
        } catch (RedisCommandExecutionException e) {
            // The key exists but is not a stream: report it as empty rather than failing the whole listing.
            return new StreamState(stream, false, 0, List.of());
        }
        return new StreamState(stream, true, length, List.copyOf(groups));
    }
}
