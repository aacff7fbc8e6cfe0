package ai.kaizen.data.logs;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One event log, validated: addresses and hashes are lowercase 0x hex. {@code blockTimestamp} (seconds) is set when
 * the node includes it in the log (anvil and recent geth/reth do), else null.
 */
public record LogEntry(long blockNumber, long logIndex, String transactionHash, String address, List<String> topics,
                       String data, @Nullable Long blockTimestamp) {

    public LogEntry(long blockNumber, long logIndex, String transactionHash, String address, List<String> topics,
                    String data) {
        this(blockNumber, logIndex, transactionHash, address, topics, data, null);
    }
}
