package ai.kaizen.common.events;

import java.time.Instant;
import java.util.List;

import ai.kaizen.common.messaging.EventType;
import org.jspecify.annotations.Nullable;

/**
 * data-service saw a change to a token's on-chain facts (new owner, liquidity pulled or locked, a mint, a
 * blacklisting, a large holder move...).
 *
 * @param network         network name
 * @param contractAddress canonical address (EIP-55 for EVM)
 * @param changes         what changed, free-form short codes such as {@code liquidity}, {@code ownership},
 *                        {@code holders}, {@code supply}, {@code code}
 * @param blockNumber     the block the change was seen at, when known
 * @param observedAt      when data-service saw it
 */
@EventType("data.token-updated")
public record TokenDataUpdated(
        String network,
        String contractAddress,
        List<String> changes,
        @Nullable Long blockNumber,
        Instant observedAt) {

    public TokenDataUpdated {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
