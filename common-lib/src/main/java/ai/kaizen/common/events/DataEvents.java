package ai.kaizen.common.events;

import ai.kaizen.common.messaging.StreamDefinition;

/**
 * The stream data-service publishes on ({@code events:data}): {@link TokenDataUpdated} when what it knows about
 * a token changed in a way that can move its score. The event key is {@code network:contractAddress}.
 * Consumer: analysis-service (re-scores tokens someone watches or analysed recently).
 */
public final class DataEvents {

    public static final StreamDefinition STREAM = StreamDefinition.of("events:data", 4, 2);

    private DataEvents() {
    }
}
