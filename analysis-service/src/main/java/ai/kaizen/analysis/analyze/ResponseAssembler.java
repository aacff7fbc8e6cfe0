package ai.kaizen.analysis.analyze;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.analysis.facts.MappedFacts;
import ai.kaizen.analysis.facts.TokenFactsView;
import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.Evidence;
import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.FindingCode;
import ai.kaizen.analysis.scoring.ScoreResult;
import org.jspecify.annotations.Nullable;

/** Builds the API answer from a score and the facts behind it. */
final class ResponseAssembler {

    /** Where the findings of one analysis came from. */
    record Origins(Map<MappedFacts.FindingKey, String> signals, Map<MappedFacts.FindingKey, String> sources) {
    }

    static AnalysisResponse build(@Nullable UUID analysisId, TokenId token, Depth depth, ScoreResult score,
                                  TokenFactsView facts, Origins origins, AnalysisResponse.SocialView social,
                                  Instant analyzedAt, long processingMillis, List<String> pending,
                                  @Nullable UUID jobId) {
        TokenFactsView.Token metadata = facts.token();
        AnalysisResponse.TokenView tokenView = metadata == null
                ? new AnalysisResponse.TokenView(null, null, null, null, true, null)
                : new AnalysisResponse.TokenView(metadata.name(), metadata.symbol(), metadata.decimals(),
                metadata.totalSupply(), metadata.isToken(), metadata.notTokenReason());
        TokenFactsView.LiquiditySummary liquidity = facts.liquiditySummary();
        TokenFactsView.DistributionSummary distribution = facts.distributionSummary();
        List<AnalysisResponse.FindingView> findings = new ArrayList<>();
        for (Finding finding : score.findings()) {
            MappedFacts.FindingKey key = MappedFacts.FindingKey.of(finding);
            List<AnalysisResponse.EvidenceView> evidence = new ArrayList<>();
            for (Evidence item : finding.evidence()) {
                evidence.add(new AnalysisResponse.EvidenceView(item.type().name().toLowerCase(Locale.ROOT), item.value(),
                        item.detail()));
            }
            findings.add(new AnalysisResponse.FindingView(finding.code(),
                    FindingCode.byCode(finding.code()).map(FindingCode::title).orElse(finding.code()),
                    finding.pillar().label(), finding.severity().label(), finding.kind().name().toLowerCase(Locale.ROOT),
                    finding.message(), evidence, finding.measure(), finding.impact(), finding.softenedBy(),
                    origins.signals().get(key), origins.sources().getOrDefault(key, "data-service")));
        }
        List<AnalysisResponse.CheckView> coverage = new ArrayList<>();
        for (CoverageCheck check : score.coverage()) {
            coverage.add(new AnalysisResponse.CheckView(check.id(), check.pillar().label(),
                    check.status().name().toLowerCase(Locale.ROOT), check.reason(), check.weight()));
        }
        List<ai.kaizen.analysis.scoring.AppliedCap> caps = new ArrayList<>(score.caps());
        caps.addAll(score.ceilings());
        return new AnalysisResponse(analysisId, token.address(), token.network(), depth.label(), score.kaizenScore(),
                score.riskLevel(), score.confidence(), score.breakdown(), score.alerts(),
                new AnalysisResponse.Metadata(analyzedAt, processingMillis, score.dataQuality(), score.rulesVersion(),
                        facts.blockNumber(), facts.collectedAt()),
                tokenView,
                new AnalysisResponse.LiquidityView(liquidity.locked(), liquidity.lockDuration(), liquidity.totalUSD(),
                        liquidity.burnedPercent(), liquidity.lockedPercent(), liquidity.unlockedPercent(), liquidity.pairs()),
                new AnalysisResponse.DistributionView(distribution.holderCount(), distribution.top10Percentage(),
                        distribution.topHolders()),
                social, findings, coverage, caps, score.explanation(), score.trustedAs(),
                pending.isEmpty() ? AnalysisResponse.COMPLETE : AnalysisResponse.PARTIAL, List.copyOf(pending), jobId);
    }

    private ResponseAssembler() {
    }
}
