package ai.kaizen.analysis.rescore;

import ai.kaizen.common.messaging.EventType;

/**
 * A token to analyse again, on {@code queue:scoring} (analysis-service's own queue).
 *
 * @param network         network name
 * @param contractAddress canonical address
 * @param depth           depth of the re-score
 * @param reason          why, e.g. {@code data updated: liquidity, holders}
 */
@EventType("analysis.rescore-requested")
public record RescoreRequested(String network, String contractAddress, String depth, String reason) {
}
