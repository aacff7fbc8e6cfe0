package ai.kaizen.data.logs;

import java.util.List;

/** One event log, validated: addresses and hashes are lowercase 0x hex. */
public record LogEntry(long blockNumber, long logIndex, String transactionHash, String address, List<String> topics,
                       String data) {
}
