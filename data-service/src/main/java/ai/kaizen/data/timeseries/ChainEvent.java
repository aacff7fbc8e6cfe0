package ai.kaizen.data.timeseries;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code chain.blockchain_events}: a decoded log ({@code Transfer}, {@code Mint}, {@code Burn},
 * {@code Sync}) at its block's time; {@code contractAddress} is the emitter (EIP-55).
 */
public record ChainEvent(Instant time, String network, String contractAddress, String eventType, long blockNumber,
                         String transactionHash, long logIndex, Map<String, Object> eventData) {
}
