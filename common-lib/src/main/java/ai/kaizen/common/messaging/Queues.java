package ai.kaizen.common.messaging;

import java.util.List;
import java.util.Optional;

/**
 * The seed's work queues, declared once: stream key, concurrency per consuming process and priority
 * (1 = drained first). Consumers: analysis and scoring in analysis-service, data-collection in
 * data-service, social-intelligence in social-service, notifications in notification-service, cleanup
 * in every service that owns data (each runs only the tasks addressed to it).
 */
public final class Queues {

    public static final StreamDefinition ANALYSIS = StreamDefinition.of("queue:analysis", 5, 1);
    public static final StreamDefinition DATA_COLLECTION = StreamDefinition.of("queue:data-collection", 10, 2);
    public static final StreamDefinition SOCIAL_INTELLIGENCE = StreamDefinition.of("queue:social-intelligence", 3, 3);
    public static final StreamDefinition SCORING = StreamDefinition.of("queue:scoring", 8, 1);
    public static final StreamDefinition NOTIFICATIONS = StreamDefinition.of("queue:notifications", 15, 4);
    public static final StreamDefinition CLEANUP = StreamDefinition.of("queue:cleanup", 2, 5);

    public static final List<StreamDefinition> ALL =
            List.of(ANALYSIS, DATA_COLLECTION, SOCIAL_INTELLIGENCE, SCORING, NOTIFICATIONS, CLEANUP);

    private Queues() {
    }

    public static Optional<StreamDefinition> byKey(String key) {
        return ALL.stream().filter(queue -> queue.key().equals(key)).findFirst();
    }
}
