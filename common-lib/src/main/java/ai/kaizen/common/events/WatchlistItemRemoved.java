package ai.kaizen.common.events;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.common.messaging.EventType;

/**
 * A token was removed from a watchlist (or its watchlist was deleted: one event per item).
 *
 * @param userId          the watchlist's owner
 * @param watchlistId     the watchlist
 * @param network         network name
 * @param contractAddress canonical address
 * @param removedAt       when
 */
@EventType("watchlist.item-removed")
public record WatchlistItemRemoved(UUID userId, UUID watchlistId, String network, String contractAddress,
                                   Instant removedAt) {
}
