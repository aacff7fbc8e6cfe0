package ai.kaizen.common.events;

import ai.kaizen.common.messaging.StreamDefinition;

/**
 * The stream analysis-service publishes on ({@code events:analysis}): {@link AnalysisCompleted},
 * {@link ScoreChanged} and {@link AnalysisUpdate}, all through its transactional outbox. The event key is
 * {@code network:contractAddress}. Consumers: notification-service (watchlist alerts), chat-service (live
 * updates to sockets), user-service (activity).
 */
public final class AnalysisEvents {

    public static final StreamDefinition STREAM = StreamDefinition.of("events:analysis", 4, 2);

    private AnalysisEvents() {
    }

    /** The event key of a token: {@code network:contractAddress} (canonical address). */
    public static String key(String network, String contractAddress) {
        return network + ":" + contractAddress;
    }
}
