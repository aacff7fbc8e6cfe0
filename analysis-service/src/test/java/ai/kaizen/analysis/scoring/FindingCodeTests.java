package ai.kaizen.analysis.scoring;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingCodeTests {

    @Test
    void codesAreUniqueStableLookingStrings() {
        List<String> codes = Arrays.stream(FindingCode.values()).map(FindingCode::code).toList();

        assertThat(codes).doesNotHaveDuplicates().allMatch(code -> code.matches("KZ(-[A-Z0-9]+)+"));
        assertThat(FindingCode.byCode("KZ-EVM-HONEYPOT")).contains(FindingCode.EVM_HONEYPOT);
        assertThat(FindingCode.byCode("KZ-NOPE")).isEmpty();
    }

    @Test
    void everyCodeSaysWhyInOneSentence() {
        for (FindingCode code : FindingCode.values()) {
            assertThat(code.why()).as(code.code()).endsWith(".").doesNotContain("|").hasSizeLessThan(160);
            assertThat(code.title()).as(code.code()).isNotBlank().doesNotContain("|");
        }
    }

    @Test
    void theCatalogueCoversTheSpecifiedSignals() {
        assertThat(Arrays.stream(FindingCode.values()).map(FindingCode::code)).contains(
                "KZ-EVM-HONEYPOT", "KZ-EVM-CANNOT-BUY", "KZ-EVM-BUY-TAX", "KZ-EVM-SELL-TAX", "KZ-EVM-TRANSFER-TAX",
                "KZ-EVM-TAX-MODIFIABLE", "KZ-EVM-PER-ADDRESS-TAX", "KZ-EVM-CANNOT-SELL-ALL", "KZ-EVM-MAX-TX",
                "KZ-EVM-MAX-WALLET", "KZ-EVM-COOLDOWN", "KZ-EVM-PAUSABLE", "KZ-EVM-TRADING-NOT-ENABLED",
                "KZ-EVM-BLACKLIST", "KZ-EVM-WHITELIST", "KZ-EVM-MINT", "KZ-EVM-HIDDEN-MINT",
                "KZ-EVM-POST-LAUNCH-MINT", "KZ-EVM-BALANCE-CONTROL", "KZ-EVM-SIPHONED-HOLDER",
                "KZ-EVM-OWNER-NOT-RENOUNCED", "KZ-EVM-OWNER-RENOUNCED", "KZ-EVM-HIDDEN-OWNER",
                "KZ-EVM-OWNERSHIP-RECLAIMABLE", "KZ-EVM-UPGRADEABLE-PROXY", "KZ-EVM-MINIMAL-PROXY",
                "KZ-EVM-DELEGATECALL", "KZ-EVM-SELFDESTRUCT", "KZ-EVM-EXTERNAL-CALL-IN-TRANSFER", "KZ-EVM-GAS-ABUSE",
                "KZ-LIQ-LOW", "KZ-LIQ-LP-UNLOCKED", "KZ-LIQ-LP-LOCKED", "KZ-LIQ-LP-BURNED", "KZ-HOLDERS-CONCENTRATED",
                "KZ-HOLDERS-OWNER-SHARE", "KZ-DEPLOYER-PREVIOUS-RUGS", "KZ-DEPLOYER-SANCTIONED", "KZ-EVM-SCAM-CLONE",
                "KZ-SOCIAL-MANIPULATION", "KZ-SOCIAL-NEGATIVE-SENTIMENT", "KZ-SOL-MINT-AUTHORITY",
                "KZ-SOL-FREEZE-AUTHORITY", "KZ-SOL-TRANSFER-FEE", "KZ-SOL-TRANSFER-HOOK", "KZ-SOL-PERMANENT-DELEGATE",
                "KZ-SOL-NON-TRANSFERABLE", "KZ-SOL-DEFAULT-FROZEN", "KZ-SOL-CLOSE-AUTHORITY",
                "KZ-SOL-MUTABLE-METADATA", "KZ-NOT-A-TOKEN");
    }

    @Test
    void whatTheSpecCallsEvidenceIsEvidenceAndWhatItCallsCapabilityIsCapability() {
        assertThat(List.of(FindingCode.EVM_HONEYPOT, FindingCode.EVM_SELL_TAX, FindingCode.EVM_POST_LAUNCH_MINT,
                FindingCode.EVM_SIPHONED_HOLDER, FindingCode.EVM_GAS_ABUSE, FindingCode.EVM_COOLDOWN))
                .allSatisfy(code -> assertThat(code.kind()).isEqualTo(FindingKind.EVIDENCE));
        assertThat(List.of(FindingCode.EVM_MINT, FindingCode.EVM_BLACKLIST, FindingCode.EVM_TAX_MODIFIABLE,
                FindingCode.EVM_UPGRADEABLE_PROXY, FindingCode.EVM_HIDDEN_OWNER, FindingCode.EVM_SELFDESTRUCT,
                FindingCode.SOL_FREEZE_AUTHORITY))
                .allSatisfy(code -> assertThat(code.kind()).isEqualTo(FindingKind.CAPABILITY));
    }

    @Test
    void aMeasuredCodeHasAGradeAndEveryGradedCodeCanCarryAMeasure() {
        ScoringRules rules = ScoringRules.defaults();
        for (String code : rules.grades().keySet()) {
            Finding measured = Finding.measured(FindingCode.byCode(code).orElseThrow(), 1_000_000, "m");
            assertThat(rules.grade(code, measured.measure(), measured.severity())).isNotNull();
        }
        assertThat(rules.grades()).containsKeys("KZ-EVM-BUY-TAX", "KZ-EVM-SELL-TAX", "KZ-EVM-TRANSFER-TAX",
                "KZ-SOL-TRANSFER-FEE", "KZ-LIQ-LOW", "KZ-LIQ-LP-UNLOCKED", "KZ-HOLDERS-CONCENTRATED",
                "KZ-HOLDERS-OWNER-SHARE");
    }
}
