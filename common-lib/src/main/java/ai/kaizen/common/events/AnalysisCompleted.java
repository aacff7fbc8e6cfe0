package ai.kaizen.common.events;

import java.time.Instant;
import java.util.UUID;

import ai.kaizen.common.messaging.EventType;
import org.jspecify.annotations.Nullable;

/**
 * An analysis finished and was stored (every stored analysis, whatever started it).
 *
 * @param analysisId      the stored analysis ({@code GET /api/analysis/{network}/{address}/history} lists it)
 * @param network         network name, e.g. {@code ethereum}, {@code devnet}
 * @param contractAddress canonical address (EIP-55 for EVM)
 * @param tokenSymbol     the token's symbol, when it has one
 * @param kaizenScore     0–100, higher is safer
 * @param riskLevel       {@code Low Risk}, {@code Moderate Risk}, {@code High Risk} or {@code Very High Risk}
 * @param confidence      0–1
 * @param breakdown       the four pillar scores
 * @param depth           {@code quick}, {@code standard} or {@code comprehensive}
 * @param trigger         what started it: {@code request}, {@code batch}, {@code comprehensive} (the
 *                        background part of a comprehensive request) or {@code rescore} (new on-chain data)
 * @param userId          the account that asked, null for re-scoring
 * @param jobId           the analysis job, when it ran as one
 * @param previousScore   the token's score before this analysis, null for its first one
 * @param analyzedAt      when the analysis finished
 */
@EventType("analysis.completed")
public record AnalysisCompleted(
        UUID analysisId,
        String network,
        String contractAddress,
        @Nullable String tokenSymbol,
        int kaizenScore,
        String riskLevel,
        double confidence,
        PillarScores breakdown,
        String depth,
        String trigger,
        @Nullable UUID userId,
        @Nullable UUID jobId,
        @Nullable Integer previousScore,
        Instant analyzedAt) {
}
