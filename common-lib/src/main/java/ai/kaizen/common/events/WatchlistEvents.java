package ai.kaizen.common.events;

import ai.kaizen.common.messaging.StreamDefinition;

/**
 * The stream user-service publishes watchlist changes on ({@code events:watchlists}):
 * {@link WatchlistItemAdded} and {@link WatchlistItemRemoved}, key {@code network:contractAddress}.
 * Consumer: analysis-service (which tokens to re-score when their data changes).
 */
public final class WatchlistEvents {

    public static final StreamDefinition STREAM = StreamDefinition.of("events:watchlists", 2, 3);

    private WatchlistEvents() {
    }
}
