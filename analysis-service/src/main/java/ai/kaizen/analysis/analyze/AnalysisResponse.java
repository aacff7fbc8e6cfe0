package ai.kaizen.analysis.analyze;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kaizen.analysis.scoring.Alert;
import ai.kaizen.analysis.scoring.AppliedCap;
import ai.kaizen.analysis.scoring.Breakdown;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The answer of {@code POST /api/analysis/analyze} (SPEC §2): the seed's fields, then token, liquidity,
 * distribution, social, findings and coverage, then how the score was made. Every field is always present (null
 * when unknown). It is also what the cache holds and what {@code analysis_results.full_analysis} stores.
 *
 * @param analysisId      the stored analysis; null in the first answer of a comprehensive analysis (its background
 *                        part stores the result)
 * @param contractAddress canonical address (EIP-55 for EVM)
 * @param network         network name
 * @param depth           quick, standard or comprehensive
 * @param kaizenScore     0–100, higher is safer
 * @param riskLevel       Low Risk (≥ 81), Moderate Risk (≥ 61), High Risk (≥ 31), Very High Risk
 * @param confidence      0–1: how much of the score rests on checks that ran
 * @param breakdown       technical, economic, social, governance (0–100 each)
 * @param alerts          level, message, category
 * @param metadata        when, how long, how complete
 * @param token           name, symbol, decimals, totalSupply (raw units), whether it behaves as a token
 * @param liquidity       locked, lockDuration (s), totalUSD, burned/locked/unlocked %, pairs
 * @param distribution    holderCount, top10Percentage, topHolders
 * @param social          sentiment (0–1), mentions24h, manipulationRisk (0–1), collected
 * @param findings        every finding with its evidence and its cost, costliest first
 * @param coverage        every check: ran, skipped, failed or not_applicable, and why
 * @param caps            hard-evidence caps and severity ceilings that limited the score
 * @param explanation     lines that add up exactly to the score
 * @param trustedAs       the trust-list entry of the token, if any
 * @param status          complete, or partial while the background part of a comprehensive analysis runs
 * @param pending         checks still running (partial answers only)
 * @param jobId           the job of the background part ({@code GET /api/analysis/jobs/{jobId}})
 */
public record AnalysisResponse(
        @Nullable UUID analysisId,
        String contractAddress,
        String network,
        String depth,
        int kaizenScore,
        String riskLevel,
        double confidence,
        Breakdown breakdown,
        List<Alert> alerts,
        Metadata metadata,
        TokenView token,
        LiquidityView liquidity,
        DistributionView distribution,
        SocialView social,
        List<FindingView> findings,
        List<CheckView> coverage,
        List<AppliedCap> caps,
        List<String> explanation,
        @Nullable String trustedAs,
        String status,
        List<String> pending,
        @Nullable UUID jobId) {

    public static final String COMPLETE = "complete";
    public static final String PARTIAL = "partial";

    /**
     * @param analyzedAt       when the analysis finished
     * @param processingTime   milliseconds it took
     * @param dataQuality      0–1: the share of planned check weight that ran
     * @param rulesVersion     the scoring rules' version (the score can be recomputed with them)
     * @param blockNumber      the block the on-chain facts were read at
     * @param factsCollectedAt when data-service collected them (it caches them briefly)
     */
    public record Metadata(Instant analyzedAt, long processingTime, double dataQuality, String rulesVersion,
                           @Nullable Long blockNumber, @Nullable Instant factsCollectedAt) {
    }

    public record TokenView(@Nullable String name, @Nullable String symbol, @Nullable Integer decimals,
                            @Nullable String totalSupply, @JsonProperty("isToken") boolean isToken,
                            @Nullable String notTokenReason) {
    }

    public record LiquidityView(@Nullable Boolean locked, @Nullable Long lockDuration,
                                @JsonProperty("totalUSD") @Nullable Double totalUSD, @Nullable Double burnedPercent,
                                @Nullable Double lockedPercent, @Nullable Double unlockedPercent,
                                List<JsonNode> pairs) {
    }

    public record DistributionView(@Nullable Long holderCount, @Nullable Double top10Percentage,
                                   List<JsonNode> topHolders) {
    }

    /** Never invented: all null and {@code collected: false} unless social-service collected something. */
    public record SocialView(@Nullable Double sentiment, @Nullable Long mentions24h,
                             @Nullable Double manipulationRisk, boolean collected) {

        public static final SocialView NOT_COLLECTED = new SocialView(null, null, null, false);
    }

    /**
     * @param signal the data-service behaviour (devnet vocabulary code) it came from; null for findings from the
     *               facts' sections, intel-service or social-service
     * @param source data-service, intel-service or social-service
     */
    public record FindingView(String code, String title, String pillar, String severity, String kind, String message,
                              List<EvidenceView> evidence, @Nullable Double measure, int impact,
                              @Nullable String softenedBy, @Nullable String signal, String source) {
    }

    public record EvidenceView(String type, String value, @Nullable String detail) {
    }

    public record CheckView(String check, String pillar, String status, @Nullable String reason, double weight) {
    }
}
