package ai.kaizen.common.events;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.common.messaging.EventType;

/**
 * A token was added to a watchlist.
 *
 * @param userId          the watchlist's owner
 * @param watchlistId     the watchlist
 * @param network         network name
 * @param contractAddress canonical address
 * @param addedAt         when
 */
@EventType("watchlist.item-added")
public record WatchlistItemAdded(UUID userId, UUID watchlistId, String network, String contractAddress,
                                 Instant addedAt) {
}
