package ai.kaizen.analysis.store;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An analysis to store.
 *
 * @param id               its id (already in {@code fullAnalysisJson})
 * @param network          network name
 * @param contractAddress  canonical address
 * @param tokenSymbol      from the token contract (untrusted; clipped to the column)
 * @param tokenName        from the token contract (untrusted; clipped to the column)
 * @param userId           the account that asked; null for re-scoring
 * @param kaizenScore      0–100
 * @param riskLevel        one of the four exact risk levels
 * @param confidence       0–1
 * @param technical        pillar score
 * @param economic         pillar score
 * @param social           pillar score
 * @param governance       pillar score
 * @param depth            quick, standard or comprehensive
 * @param processingTimeMs how long it took
 * @param dataQuality      0–1
 * @param fullAnalysisJson the API answer
 * @param alertsJson       its alerts
 * @param findingsJson     the engine's findings (enough, with the coverage, to recompute the score)
 * @param coverageJson     the engine's coverage
 * @param analyzedAt       when it finished
 * @param trigger          request, batch, comprehensive or rescore
 * @param jobId            the job it ran in, if any
 */
public record NewAnalysis(UUID id, String network, String contractAddress, @Nullable String tokenSymbol,
                          @Nullable String tokenName, @Nullable UUID userId, int kaizenScore, String riskLevel,
                          double confidence, int technical, int economic, int social, int governance, String depth,
                          long processingTimeMs, double dataQuality, String fullAnalysisJson, String alertsJson,
                          String findingsJson, String coverageJson, Instant analyzedAt, String trigger,
                          @Nullable UUID jobId) {
}
