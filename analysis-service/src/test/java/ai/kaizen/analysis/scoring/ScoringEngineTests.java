package ai.kaizen.analysis.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static ai.kaizen.analysis.scoring.Fixtures.USDT;
import static ai.kaizen.analysis.scoring.Fixtures.UNKNOWN_TOKEN;
import static ai.kaizen.analysis.scoring.Fixtures.blacklist;
import static ai.kaizen.analysis.scoring.Fixtures.fullCoverage;
import static ai.kaizen.analysis.scoring.Fixtures.fullCoverageExcept;
import static ai.kaizen.analysis.scoring.Fixtures.honeypot;
import static ai.kaizen.analysis.scoring.Fixtures.mint;
import static ai.kaizen.analysis.scoring.Fixtures.score;
import static ai.kaizen.analysis.scoring.Fixtures.sellTax;
import static org.assertj.core.api.Assertions.assertThat;

class ScoringEngineTests {

    private final ScoringRules rules = ScoringRules.defaults();

    @Test
    void aCleanFullyCheckedTokenScoresOneHundred() {
        ScoreResult result = score(UNKNOWN_TOKEN);

        assertThat(result.kaizenScore()).isEqualTo(100);
        assertThat(result.riskLevel()).isEqualTo("Low Risk");
        assertThat(result.breakdown()).isEqualTo(new Breakdown(100, 100, 100, 100));
        assertThat(result.confidence()).isEqualTo(1.0);
        assertThat(result.dataQuality()).isEqualTo(1.0);
        assertThat(result.caps()).isEmpty();
        assertThat(result.ceilings()).isEmpty();
        assertThat(result.alerts()).isEmpty();
        assertThat(result.rulesVersion()).isEqualTo(rules.version()).startsWith("sha256:");
    }

    @Test
    void aFindingCostsItsRulePointsInItsPillarAndTheExplanationAddsUp() {
        ScoreResult result = score(UNKNOWN_TOKEN, mint());

        assertThat(result.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.impact()).isEqualTo(25);
            assertThat(finding.softenedBy()).isNull();
        });
        assertThat(result.breakdown()).isEqualTo(new Breakdown(75, 100, 100, 100));
        assertThat(result.uncappedScore()).isEqualTo(91);
        // A high finding that nothing excuses allows no better than Moderate Risk.
        assertThat(result.kaizenScore()).isEqualTo(80);
        assertThat(result.riskLevel()).isEqualTo("Moderate Risk");
        assertThat(result.explanation()).containsExactly(
                "technical: 100 − 25 KZ-EVM-MINT (Owner can mint) = 75",
                "technical coverage: all checks ran (weight 7) → 75",
                "economic: 100 − 0 (no deductions) = 100",
                "economic coverage: all checks ran (weight 3) → 100",
                "governance: 100 − 0 (no deductions) = 100",
                "governance coverage: all checks ran (weight 3) → 100",
                "social: 100 − 0 (no deductions) = 100",
                "social coverage: all checks ran (weight 1) → 100",
                "weighted: 0.35 × 75 + 0.3 × 100 + 0.2 × 100 + 0.15 × 100 = 26.25 + 30 + 20 + 15 = 91.25 → 91",
                "ceiling KZ-EVM-MINT: a high finding (Owner can mint) allows no better than Moderate Risk → at most 80",
                "kaizenScore 80 → Moderate Risk");
        assertThat(result.alerts()).containsExactly(
                new Alert("high", "The owner can mint new tokens", "technical"));
    }

    static List<Finding> hardEvidence() {
        return List.of(
                honeypot(),
                sellTax(50),
                Finding.of(FindingCode.EVM_SIPHONED_HOLDER, "A holder lost tokens without signing",
                        Evidence.holder("0x2222222222222222222222222222222222222222", "balance 1000 → 0"),
                        Evidence.transaction("0x" + "ab".repeat(32), "drain(address) sent by the owner")),
                Finding.of(FindingCode.DEPLOYER_SANCTIONED, "The deployer is on the OFAC SDN list",
                        Evidence.address("0x3333333333333333333333333333333333333333", "deployer")),
                Finding.measured(FindingCode.SOL_TRANSFER_FEE, 60, "Every transfer pays a 60 % fee"),
                Finding.of(FindingCode.SOL_NON_TRANSFERABLE, "The mint is non-transferable"));
    }

    @ParameterizedTest
    @MethodSource("hardEvidence")
    void hardEvidenceForcesVeryHighRiskWhateverTheRestSays(Finding evidence) {
        ScoreResult result = score(UNKNOWN_TOKEN, evidence);

        assertThat(result.uncappedScore()).isGreaterThan(30);
        assertThat(result.kaizenScore()).isEqualTo(30);
        assertThat(result.riskLevel()).isEqualTo("Very High Risk");
        assertThat(result.caps()).singleElement().satisfies(cap -> {
            assertThat(cap.code()).isEqualTo(evidence.code());
            assertThat(cap.maxScore()).isEqualTo(30);
        });
        assertThat(result.alerts().getFirst().level()).isEqualTo("critical");
        assertThat(result.alerts().getFirst().message()).startsWith("Score capped at 30: ");
        assertThat(result.explanation()).anyMatch(line -> line.startsWith("cap " + evidence.code() + ": "));
    }

    @Test
    void sellTaxBelowFiftyPercentIsGradedButOnlyFiftyPercentCaps() {
        ScoreResult fortyNine = score(UNKNOWN_TOKEN, sellTax(49.99));
        ScoreResult fifty = score(UNKNOWN_TOKEN, sellTax(50));

        assertThat(fortyNine.findings().getFirst().severity()).isEqualTo(Severity.CRITICAL);
        assertThat(fortyNine.findings().getFirst().impact()).isEqualTo(45);
        assertThat(fortyNine.caps()).isEmpty();
        assertThat(fortyNine.uncappedScore()).isEqualTo(87);
        assertThat(fortyNine.kaizenScore()).isEqualTo(60);
        assertThat(fortyNine.riskLevel()).isEqualTo("High Risk");

        assertThat(fifty.uncappedScore()).isEqualTo(87);
        assertThat(fifty.caps()).extracting(AppliedCap::code).containsExactly("KZ-EVM-SELL-TAX");
        assertThat(fifty.kaizenScore()).isEqualTo(30);
        assertThat(fifty.riskLevel()).isEqualTo("Very High Risk");
    }

    @ParameterizedTest
    @CsvSource({"0.5, INFO, 0", "1, LOW, 5", "5, MEDIUM, 12", "9.99, MEDIUM, 12", "10, HIGH, 25", "30, CRITICAL, 45"})
    void taxesAreGradedFromTheMeasuredPercentage(double percent, Severity severity, int impact) {
        Finding graded = score(UNKNOWN_TOKEN, sellTax(percent)).findings().getFirst();

        assertThat(graded.severity()).isEqualTo(severity);
        assertThat(graded.impact()).isEqualTo(impact);
    }

    @ParameterizedTest
    @CsvSource({"200000, INFO, 0", "100000, LOW, 5", "20000, MEDIUM, 12", "3000, HIGH, 25", "1000, CRITICAL, 45",
            "0, CRITICAL, 45"})
    void lowLiquidityIsGradedDownwards(double usd, Severity severity, int impact) {
        Finding graded = score(UNKNOWN_TOKEN,
                Finding.measured(FindingCode.LIQ_LOW, usd, "Pools hold " + usd + " USD")).findings().getFirst();

        assertThat(graded.severity()).isEqualTo(severity);
        assertThat(graded.impact()).isEqualTo(impact);
    }

    @Test
    void aGradedCodeWithoutMeasureKeepsTheReportedSeverity() {
        Finding reported = Finding.of(FindingCode.EVM_SELL_TAX, "Sell tax present, amount unknown")
                .withSeverity(Severity.HIGH);

        Finding scored = score(UNKNOWN_TOKEN, reported).findings().getFirst();

        assertThat(scored.severity()).isEqualTo(Severity.HIGH);
        assertThat(scored.impact()).isEqualTo(25);
    }

    @Test
    void theTrustListSoftensACapabilityOfUsdtButNeverEvidence() {
        ScoreResult capabilities = score(USDT, blacklist(), mint());

        assertThat(capabilities.trustedAs()).isEqualTo("Tether USD (USDT)");
        assertThat(capabilities.findings()).allSatisfy(finding -> {
            assertThat(finding.impact()).isEqualTo(6);
            assertThat(finding.softenedBy()).isEqualTo("Tether USD (USDT)");
        });
        assertThat(capabilities.breakdown().technical()).isEqualTo(88);
        assertThat(capabilities.ceilings()).isEmpty();
        assertThat(capabilities.kaizenScore()).isEqualTo(96);
        assertThat(capabilities.riskLevel()).isEqualTo("Low Risk");
        assertThat(capabilities.explanation().getFirst()).isEqualTo(
                "technical: 100 − 6 KZ-EVM-BLACKLIST (Blacklist; 25 × 0.25, trusted: Tether USD (USDT))"
                        + " − 6 KZ-EVM-MINT (Owner can mint; 25 × 0.25, trusted: Tether USD (USDT)) = 88");
        assertThat(capabilities.alerts()).extracting(Alert::message).contains(
                "The owner can block addresses from transferring (expected for Tether USD (USDT), cost softened)");

        ScoreResult evidence = score(USDT, blacklist(), honeypot());
        Finding honeypot = evidence.findings().stream().filter(f -> f.code().equals("KZ-EVM-HONEYPOT"))
                .findFirst().orElseThrow();
        assertThat(honeypot.impact()).isEqualTo(100);
        assertThat(honeypot.softenedBy()).isNull();
        assertThat(evidence.kaizenScore()).isEqualTo(30);
        assertThat(evidence.riskLevel()).isEqualTo("Very High Risk");
    }

    @Test
    void usdtWithEverythingItReallyCanDoIsLowRiskWhileTheSameContractUntrustedIsNot() {
        List<Finding> usdtProfile = List.of(blacklist(), mint(),
                Finding.of(FindingCode.EVM_PAUSABLE, "The owner can pause transfers"),
                Finding.of(FindingCode.EVM_TAX_MODIFIABLE, "The owner can set a fee of up to 0.2 %"),
                Finding.of(FindingCode.EVM_OWNER_NOT_RENOUNCED, "Owned by a single address"),
                Finding.of(FindingCode.EVM_UPGRADEABLE_PROXY, "The owner can deprecate to a new contract"),
                Finding.measured(FindingCode.HOLDERS_CONCENTRATED, 45, "Top 10 holders own 45 %"));
        List<CoverageCheck> socialNotCollected = fullCoverageExcept("social.mentions", CheckStatus.SKIPPED,
                "no social credentials configured");

        ScoreResult usdt = ScoringEngine.score(new ScoringInput(USDT, usdtProfile, socialNotCollected), rules);
        ScoreResult copycat = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN, usdtProfile, socialNotCollected),
                rules);

        assertThat(usdt.breakdown()).isEqualTo(new Breakdown(85, 89, 50, 93));
        assertThat(usdt.kaizenScore()).isEqualTo(83);
        assertThat(usdt.riskLevel()).isEqualTo("Low Risk");
        assertThat(copycat.breakdown()).isEqualTo(new Breakdown(38, 70, 50, 70));
        assertThat(copycat.kaizenScore()).isEqualTo(56);
        assertThat(copycat.riskLevel()).isEqualTo("High Risk");
    }

    @Test
    void trustIsMatchedByNetworkAndAddressIgnoringHexCase() {
        TokenRef lowerCase = new TokenRef("Ethereum", USDT.address().toLowerCase());
        TokenRef otherChain = new TokenRef("bsc", USDT.address());
        TokenRef solanaUsdc = new TokenRef("solana", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v");
        TokenRef solanaUsdcWrongCase = new TokenRef("solana", "epjfwdd5aufqssqem2qn1xzybapc8g4wegGkzwytdt1v");

        assertThat(score(lowerCase, blacklist()).findings().getFirst().impact()).isEqualTo(6);
        assertThat(score(otherChain, blacklist()).findings().getFirst().impact()).isEqualTo(25);
        assertThat(score(otherChain, blacklist()).trustedAs()).isNull();
        assertThat(score(solanaUsdc, Finding.of(FindingCode.SOL_FREEZE_AUTHORITY, "Circle can freeze accounts"))
                .findings().getFirst().impact()).isEqualTo(6);
        assertThat(score(solanaUsdcWrongCase, blacklist()).trustedAs()).isNull();
    }

    static ScoringRules technicalOnly(int points) {
        return new ScoringRules(
                Map.of(Pillar.TECHNICAL, BigDecimal.ONE, Pillar.ECONOMIC, BigDecimal.ZERO,
                        Pillar.GOVERNANCE, BigDecimal.ZERO, Pillar.SOCIAL, BigDecimal.ZERO),
                50,
                Map.of(Severity.INFO, 0, Severity.LOW, 5, Severity.MEDIUM, 12, Severity.HIGH, 25, Severity.CRITICAL, 45),
                Map.of("KZ-TEST", points), Map.of(), List.of(), Map.of(), new BigDecimal("0.25"), List.of());
    }

    @ParameterizedTest
    @CsvSource({"19, 81, Low Risk", "20, 80, Moderate Risk", "39, 61, Moderate Risk", "40, 60, High Risk",
            "69, 31, High Risk", "70, 30, Very High Risk", "100, 0, Very High Risk", "0, 100, Low Risk"})
    void riskLevelsChangeExactlyAtTheSeedThresholds(int points, int score, String riskLevel) {
        Finding finding = new Finding("KZ-TEST", Pillar.TECHNICAL, Severity.HIGH, FindingKind.EVIDENCE,
                "test finding", List.of(), null, 0, null);

        ScoreResult result = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN, List.of(finding), fullCoverage()),
                technicalOnly(points));

        assertThat(result.kaizenScore()).isEqualTo(score);
        assertThat(result.riskLevel()).isEqualTo(riskLevel);
        assertThat(RiskLevel.of(score).label()).isEqualTo(riskLevel);
    }

    @Test
    void aPillarThatWasNotCheckedLowersConfidenceAndNeverRaisesTheScore() {
        ScoreResult checked = score(UNKNOWN_TOKEN);
        ScoreResult socialSkipped = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN, List.of(),
                fullCoverageExcept("social.mentions", CheckStatus.SKIPPED, "no X or Telegram credentials")), rules);
        List<CoverageCheck> withoutSocial = new ArrayList<>(fullCoverage());
        withoutSocial.removeIf(check -> check.pillar() == Pillar.SOCIAL);
        ScoreResult socialAbsent = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN, List.of(), withoutSocial), rules);

        assertThat(socialSkipped.breakdown().social()).isEqualTo(50);
        assertThat(socialSkipped.kaizenScore()).isEqualTo(93).isLessThan(checked.kaizenScore());
        assertThat(socialSkipped.confidence()).isEqualTo(0.85);
        assertThat(socialSkipped.dataQuality()).isEqualTo(0.93);
        assertThat(socialSkipped.alerts()).containsExactly(new Alert("info",
                "Not checked: social.mentions skipped (no X or Telegram credentials); confidence is lower and"
                        + " nothing was credited for it.", "social"));
        assertThat(socialAbsent.breakdown()).isEqualTo(socialSkipped.breakdown());
        assertThat(socialAbsent.confidence()).isEqualTo(0.85);
        assertThat(socialAbsent.explanation()).contains(
                "social coverage: no applicable check, unknown counts as min(100, 50) = 50 → 50");
    }

    @Test
    void anUncheckedPillarThatAlreadyScoresBadlyIsNotRaisedToTheUnknownValue() {
        Finding hiddenOwner = Finding.of(FindingCode.EVM_HIDDEN_OWNER, "A storage slot keeps an admin");
        Finding reclaimable = Finding.of(FindingCode.EVM_OWNERSHIP_RECLAIMABLE, "Ownership can be reclaimed");
        Finding upgradeable = Finding.of(FindingCode.EVM_UPGRADEABLE_PROXY, "EIP-1967 proxy with an EOA admin");
        List<CoverageCheck> governanceFailed = new ArrayList<>();
        for (CoverageCheck check : fullCoverage()) {
            governanceFailed.add(check.pillar() == Pillar.GOVERNANCE
                    ? check.withStatus(CheckStatus.FAILED, "RPC timeout") : check);
        }

        ScoreResult result = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN,
                List.of(hiddenOwner, reclaimable, upgradeable), governanceFailed), rules);

        assertThat(result.breakdown().governance()).isEqualTo(25);
    }

    @Test
    void aPartlyCheckedPillarBlendsMeasuredAndUnknownByCheckWeight() {
        ScoreResult result = ScoringEngine.score(new ScoringInput(UNKNOWN_TOKEN, List.of(mint()),
                fullCoverageExcept("evm.sell-simulation", CheckStatus.FAILED, "RPC timeout")), rules);

        assertThat(result.breakdown().technical()).isEqualTo(64);
        assertThat(result.explanation()).contains("technical coverage: checks of weight 4 of 7 ran, the rest counts"
                + " as min(75, 50) = 50 → (4 × 75 + 3 × 50) / 7 ≈ 64.2857 → 64");
        assertThat(result.confidence()).isEqualTo(0.85);
        assertThat(result.dataQuality()).isEqualTo(0.79);
    }

    @Test
    void aCodeCountsOnceAtItsCostliestInstance() {
        Finding lowTax = sellTax(3);
        Finding highTax = sellTax(12);

        ScoreResult result = score(UNKNOWN_TOKEN, lowTax, highTax);

        assertThat(result.findings()).extracting(Finding::impact).containsExactly(25, 0);
        assertThat(result.breakdown().economic()).isEqualTo(75);
        assertThat(result.alerts()).extracting(Alert::message).containsExactly("Selling costs 12.0 % in tax");
    }

    @Test
    void fixedPointsIgnoreSeverityAndUnknownCodesCostTheirSeverity() {
        Finding mildHoneypot = honeypot().withSeverity(Severity.LOW);
        Finding future = new Finding("KZ-FUTURE-SIGNAL", Pillar.GOVERNANCE, Severity.MEDIUM, FindingKind.CAPABILITY,
                "A signal this version does not know", List.of(), null, 0, null);

        ScoreResult result = score(UNKNOWN_TOKEN, mildHoneypot, future);

        assertThat(result.findings()).extracting(Finding::code, Finding::impact)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KZ-EVM-HONEYPOT", 100),
                        org.assertj.core.groups.Tuple.tuple("KZ-FUTURE-SIGNAL", 12));
    }

    @Test
    void deductionsBeyondOneHundredFloorThePillarAtZero() {
        ScoreResult result = score(UNKNOWN_TOKEN, honeypot(), mint(), blacklist());

        assertThat(result.breakdown().technical()).isZero();
        assertThat(result.explanation().getFirst()).endsWith(" = −50, floored at 0");
    }

    @Test
    void infoFindingsCostNothingAndRaiseNoAlert() {
        ScoreResult result = score(UNKNOWN_TOKEN,
                Finding.of(FindingCode.EVM_OWNER_RENOUNCED, "Ownership renounced to 0x0"),
                Finding.measured(FindingCode.LIQ_LP_BURNED, 99.5, "99.5 % of LP burned"));

        assertThat(result.kaizenScore()).isEqualTo(100);
        assertThat(result.findings()).extracting(Finding::impact).containsOnly(0);
        assertThat(result.alerts()).isEmpty();
    }

    @Test
    void theEngineRecomputesImpactsWhateverTheStoredFindingsClaim() {
        Finding forged = new Finding("KZ-EVM-MINT", Pillar.TECHNICAL, Severity.HIGH, FindingKind.CAPABILITY,
                "owner can mint", List.of(), null, 0, "someone said so");

        Finding scored = score(UNKNOWN_TOKEN, forged).findings().getFirst();

        assertThat(scored.impact()).isEqualTo(25);
        assertThat(scored.softenedBy()).isNull();
    }

    @Test
    void theInstanceApiUsesItsRulesAndTheirVersion() {
        ScoringEngine engine = new ScoringEngine(rules);

        ScoreResult result = engine.score(Fixtures.input(UNKNOWN_TOKEN, mint()));

        assertThat(result).isEqualTo(score(UNKNOWN_TOKEN, mint()));
        assertThat(ScoringEngine.rescore(result, rules)).isEqualTo(result);
        assertThat(ScoringEngine.rescore(result.token(), result.findings(), result.coverage(), rules))
                .isEqualTo(result);
    }
}
