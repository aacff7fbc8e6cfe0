package ai.kaizen.analysis.scoring;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.address.SolanaAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringRulesTests {

    private final ScoringRules defaults = ScoringRules.defaults();

    @Test
    void theDefaultsCarryTheDocumentedWeightsCapsAndTrustList() {
        assertThat(defaults.weights()).containsExactly(
                Map.entry(Pillar.TECHNICAL, new BigDecimal("0.35")), Map.entry(Pillar.ECONOMIC, new BigDecimal("0.30")),
                Map.entry(Pillar.GOVERNANCE, new BigDecimal("0.20")), Map.entry(Pillar.SOCIAL, new BigDecimal("0.15")));
        assertThat(defaults.caps()).extracting(ScoringRules.Cap::code).contains("KZ-EVM-HONEYPOT", "KZ-EVM-SELL-TAX",
                "KZ-EVM-SIPHONED-HOLDER", "KZ-DEPLOYER-SANCTIONED");
        assertThat(defaults.caps()).allSatisfy(cap -> assertThat(cap.maxScore()).isLessThanOrEqualTo(30));
        assertThat(defaults.trustSoftening()).isEqualByComparingTo("0.25");
        assertThat(defaults.trustList()).extracting(ScoringRules.TrustedToken::address).contains(
                "0xdAC17F958D2ee523a2206206994597C13D831ec7", "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
                "0x6B175474E89094C44Da98b954EedeAC495271d0F", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2",
                "0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599");
    }

    @Test
    void everyTrustedAddressIsAValidAddressOfItsNetwork() {
        for (ScoringRules.TrustedToken token : defaults.trustList()) {
            if (token.network().equals("solana")) {
                assertThat(SolanaAddress.parse(token.address()).toString()).isEqualTo(token.address());
            } else {
                // Mixed case: parse enforces the EIP-55 checksum, so a typo fails here.
                assertThat(EvmAddress.parse(token.address()).toChecksum()).isEqualTo(token.address());
            }
        }
    }

    @Test
    void everyCodeTheRulesNameIsInTheCatalogue() {
        assertThat(defaults.fixedPoints().keySet()).allSatisfy(code -> assertThat(FindingCode.byCode(code)).isPresent());
        assertThat(defaults.grades().keySet()).allSatisfy(code -> assertThat(FindingCode.byCode(code)).isPresent());
        assertThat(defaults.caps()).allSatisfy(cap -> assertThat(FindingCode.byCode(cap.code())).isPresent());
    }

    @Test
    void theVersionIdentifiesTheRules() {
        ScoringRules reloaded = ScoringRules.fromYaml(ScoringRules.class.getResourceAsStream("scoring-rules.yml"));
        ScoringRules softer = new ScoringRules(defaults.weights(), defaults.unknownPillarScore(),
                defaults.severityPoints(), defaults.fixedPoints(), defaults.grades(), defaults.caps(),
                defaults.severityCeilings(), new BigDecimal("0.5"), defaults.trustList());
        ScoringRules moreTrust = defaults.withTrustedTokens(List.of(new ScoringRules.TrustedToken("devnet",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "Devnet USD (dUSD)")));

        assertThat(reloaded).isEqualTo(defaults);
        assertThat(reloaded.version()).isEqualTo(defaults.version()).matches("sha256:[0-9a-f]{16}");
        assertThat(softer.version()).isNotEqualTo(defaults.version());
        assertThat(moreTrust.version()).isNotEqualTo(defaults.version());
    }

    @Test
    void extraTrustedTokensAreAddedOnce() {
        ScoringRules.TrustedToken devnetUsd = new ScoringRules.TrustedToken("devnet",
                "0x5FbDB2315678afecb367f032d93F642f64180aa3", "Devnet USD (dUSD)");
        ScoringRules.TrustedToken usdtAgain = new ScoringRules.TrustedToken("ethereum",
                "0xdac17f958d2ee523a2206206994597c13d831ec7", "USDT again");

        ScoringRules merged = defaults.withTrustedTokens(List.of(devnetUsd, usdtAgain));

        assertThat(merged.trustList()).hasSize(defaults.trustList().size() + 1).contains(devnetUsd);
        assertThat(merged.trusted(new TokenRef("devnet", "0x5fbdb2315678afecb367f032d93f642f64180aa3")))
                .contains(devnetUsd);
    }

    @Test
    void weightsMustCoverEveryPillarAndAddUpToOne() {
        assertThatThrownBy(() -> yaml(defaultYaml().replace("SOCIAL: 0.15", "SOCIAL: 0.25")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights must add up to exactly 1, they add up to 1.10");
        assertThatThrownBy(() -> yaml(defaultYaml().replace("  SOCIAL: 0.15\n", "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("weights: SOCIAL needs a weight");
    }

    @Test
    void aCapMustForceVeryHighRisk() {
        assertThatThrownBy(() -> yaml(defaultYaml().replace("{code: KZ-EVM-HONEYPOT, maxScore: 30",
                "{code: KZ-EVM-HONEYPOT, maxScore: 31")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("caps: KZ-EVM-HONEYPOT may limit the score to 0..30 (Very High Risk), not 31");
    }

    @Test
    void gradeThresholdsMustBeOrderedWithSeverity() {
        assertThatThrownBy(() -> yaml(defaultYaml().replace("{LOW: 5, MEDIUM: 20, HIGH: 50, CRITICAL: 80}",
                "{LOW: 5, MEDIUM: 60, HIGH: 50, CRITICAL: 80}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("grades.KZ-LIQ-LP-UNLOCKED: thresholds must rise strictly");
    }

    @Test
    void unknownKeysAreErrorsNotSilentlyIgnored() {
        assertThatThrownBy(() -> yaml(defaultYaml() + "trustSoftning: 0.5\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid scoring rules")
                .hasMessageContaining("trustSoftning");
        assertThatThrownBy(() -> yaml(defaultYaml().replace("maxScore: 30, reason: \"a simulated sell failed",
                "maxScor: 20, maxScore: 30, reason: \"a simulated sell failed")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxScor");
    }

    @Test
    void theSofteningFactorIsBetweenZeroAndOne() {
        assertThatThrownBy(() -> yaml(defaultYaml().replace("trustSoftening: 0.25", "trustSoftening: 1.5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("trustSoftening must be between 0 and 1");
    }

    private static ScoringRules yaml(String text) {
        return ScoringRules.fromYaml(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String defaultYaml() {
        try (var in = ScoringRules.class.getResourceAsStream("scoring-rules.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
