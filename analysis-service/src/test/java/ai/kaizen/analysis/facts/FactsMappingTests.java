package ai.kaizen.analysis.facts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.kaizen.analysis.scoring.CheckStatus;
import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.EvidenceType;
import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.FindingKind;
import ai.kaizen.analysis.scoring.ScoringRules;
import ai.kaizen.analysis.scoring.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per vocabulary code, then the sections and the coverage. */
class FactsMappingTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String OWNER = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
    static final String SAFE = "0x1111111111111111111111111111111111111111";
    final FactsMapping mapping = new FactsMapping(ScoringRules.defaults());

    @Test
    void everyCodeOfTheDevnetVocabularyIsMapped() throws IOException {
        String vocabulary = Files.readString(Path.of("..", "devnet", "scripts", "vocabulary.js"));
        Matcher entry = Pattern.compile("^\\s+([a-z0-9_]+): \\{ kind:", Pattern.MULTILINE).matcher(vocabulary);
        Set<String> codes = new LinkedHashSet<>();
        while (entry.find()) {
            codes.add(entry.group(1));
        }
        assertThat(codes).hasSizeGreaterThanOrEqualTo(30);
        assertThat(FactsMapping.TABLE.keySet()).containsAll(codes);
    }

    @Test
    void honeypotIsCriticalEvidenceWithTheFailedSell() {
        Finding finding = only(map(signal("honeypot", "{\"kind\":\"sell_reverts\",\"exempt\":[\"" + OWNER + "\"]}",
                "[{\"type\":\"call\",\"target\":\"0xRouter\",\"input\":\"swapExactTokensForETHSupportingFeeOnTransferTokens\","
                        + "\"output\":\"reverted: TransferHelper: TRANSFER_FROM_FAILED\",\"detail\":\"sell 1e18 after buy\"}]")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-HONEYPOT");
        assertThat(finding.kind()).isEqualTo(FindingKind.EVIDENCE);
        assertThat(finding.evidence().getFirst().type()).isEqualTo(EvidenceType.SIMULATED_CALL);
        assertThat(finding.evidence().getFirst().detail()).isEqualTo("reverted: TransferHelper: TRANSFER_FROM_FAILED");
        assertThat(finding.evidence()).anyMatch(e -> e.value().equals(OWNER) && "can still sell (exempt)".equals(e.detail()));
    }

    @Test
    void aBalanceTrapIsAHoneypotThatSaysHowLittleCameBack() {
        Finding finding = only(map(signal("honeypot", "{\"kind\":\"sell_returns_nothing\",\"received_bps_max\":10}")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-HONEYPOT");
        assertThat(finding.message()).contains("at most 0.1 %");
        assertThat(finding.evidence()).anyMatch(e -> e.type() == EvidenceType.SIMULATED_CALL);
    }

    @ParameterizedTest
    @CsvSource({"buy_tax, KZ-EVM-BUY-TAX, 300, 3", "sell_tax, KZ-EVM-SELL-TAX, 2500, 25",
            "transfer_tax, KZ-EVM-TRANSFER-TAX, 500, 5"})
    void taxesAreMeasuredInPercent(String code, String findingCode, int bps, double percent) {
        Finding finding = only(map(signal(code, "{\"value_bps\":" + bps + "}")));

        assertThat(finding.code()).isEqualTo(findingCode);
        assertThat(finding.kind()).isEqualTo(FindingKind.EVIDENCE);
        assertThat(finding.measure()).isEqualTo(percent);
    }

    @ParameterizedTest
    @CsvSource({"19, INFO", "300, LOW", "900, MEDIUM", "2000, HIGH", "10000, CRITICAL", ", CRITICAL"})
    void aChangeableTaxIsAsSevereAsTheHighestTaxItAllows(Integer maxBps, Severity severity) {
        Finding finding = only(map(signal("tax_modifiable", "{\"selector\":\"0x6db79437\",\"signature\":"
                + "\"updateFees(uint256,uint256)\",\"by\":\"" + OWNER + "\",\"max_bps\":" + maxBps + "}")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-TAX-MODIFIABLE");
        assertThat(finding.kind()).isEqualTo(FindingKind.CAPABILITY);
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.evidence().getFirst().type()).isEqualTo(EvidenceType.SELECTOR);
        assertThat(finding.evidence().getFirst().value()).isEqualTo("0x6db79437");
    }

    @Test
    void aChangeableTaxWhoseCapWasNotMeasuredCountsAsUnlimited() {
        Finding finding = only(map(signal("tax_modifiable", "{\"selector\":\"0xc0324c77\",\"by\":\"" + OWNER
                + "\",\"measured_after\":{\"sellTaxBps\":\"0 → 10\"}}")));

        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.message()).contains("its upper limit was not measured, so it counts as unlimited");
    }

    @Test
    void aPerAddressTaxListsTheWalletsAlreadyTargeted() {
        Finding finding = only(map(signal("per_address_tax", "{\"selector\":\"0xd5b7273f\",\"by\":\"" + OWNER
                + "\",\"max_bps\":10000,\"taxed\":[{\"address\":\"" + SAFE + "\",\"value_bps\":5000}]}")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-PER-ADDRESS-TAX");
        assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(finding.evidence()).anyMatch(e -> e.type() == EvidenceType.HOLDER && e.value().equals(SAFE)
                && "taxed at 50 %".equals(e.detail()));
    }

    @ParameterizedTest
    @CsvSource({"max_tx, KZ-EVM-MAX-TX", "max_wallet, KZ-EVM-MAX-WALLET"})
    void aLimitIsEvidenceAndAChangeableOneHeldByOneKeyIsHigh(String code, String findingCode) {
        List<Finding> findings = map(ownedBy(OWNER, "eoa"), signal(code, "{\"amount\":\"10000\",\"bps_of_supply\":100,"
                + "\"modifiable\":true,\"selector\":\"0xd543dbeb\",\"by\":\"" + OWNER + "\"}"));

        assertThat(findings).extracting(Finding::code).contains(findingCode, "KZ-EVM-LIMITS-MODIFIABLE");
        assertThat(find(findings, findingCode).kind()).isEqualTo(FindingKind.EVIDENCE);
        assertThat(find(findings, "KZ-EVM-LIMITS-MODIFIABLE").severity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void aLimitHeldByAMultisigKeepsItsCatalogueSeverity() {
        List<Finding> findings = map(ownedBy(SAFE, "multisig"), signal("max_tx", "{\"bps_of_supply\":100,"
                + "\"modifiable\":true,\"selector\":\"0xd543dbeb\",\"by\":\"" + SAFE + "\"}"));

        assertThat(find(findings, "KZ-EVM-LIMITS-MODIFIABLE").severity()).isEqualTo(Severity.MEDIUM);
        assertThat(find(findings, "KZ-EVM-OWNER-MULTISIG").severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void aCooldownIsEvidenceAndItsSetterALimitCapability() {
        List<Finding> findings = map(signal("trading_cooldown", "{\"seconds\":60,\"scope\":\"sell\",\"selector\":"
                + "\"0x44f4a9a9\",\"by\":\"" + OWNER + "\"}"));

        assertThat(find(findings, "KZ-EVM-COOLDOWN").message()).contains("60 seconds");
        assertThat(find(findings, "KZ-EVM-LIMITS-MODIFIABLE").kind()).isEqualTo(FindingKind.CAPABILITY);
    }

    @Test
    void pausableIsACapabilityAndPausedNowIsEvidence() {
        assertThat(map(signal("pausable", "{\"selector\":\"0x8456cb59\",\"by\":\"" + OWNER + "\",\"paused\":false}")))
                .extracting(Finding::code).containsExactly("KZ-EVM-PAUSABLE");
        List<Finding> paused = map(signal("pausable", "{\"selector\":\"0x8456cb59\",\"by\":\"" + OWNER
                + "\",\"paused\":true}"));
        assertThat(find(paused, "KZ-EVM-PAUSED").kind()).isEqualTo(FindingKind.EVIDENCE);
    }

    @Test
    void tradingNotEnabledIsCannotBuyNotAHoneypot() {
        assertThat(map(signal("trading_not_enabled", "{\"selector\":\"0xc9567bf9\",\"signature\":\"openTrading()\","
                + "\"by\":\"" + OWNER + "\"}"))).extracting(Finding::code).containsExactly("KZ-EVM-TRADING-NOT-ENABLED");
    }

    @Test
    void aBlacklistListsTheBlockedHolders() {
        Finding finding = only(map(signal("blacklist", "{\"selector\":\"0x8084872c\",\"by\":\"" + OWNER
                + "\",\"listed\":[\"" + SAFE + "\"]}")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-BLACKLIST");
        assertThat(finding.evidence()).anyMatch(e -> e.type() == EvidenceType.HOLDER && e.value().equals(SAFE));
    }

    @Test
    void mintsHiddenMintsAndMintsAfterLaunch() {
        assertThat(only(map(signal("mint", "{\"selector\":\"0x40c10f19\",\"signature\":\"mint(address,uint256)\"}")))
                .code()).isEqualTo("KZ-EVM-MINT");
        Finding hidden = only(map(signal("hidden_mint", "{\"selector\":\"0x44a38e54\",\"signature\":"
                + "\"rebalanceRewards(address,uint256)\",\"emits_transfer\":false,\"used\":{\"tx\":\"0xabc\",\"amount\":\"1\"}}")));
        assertThat(hidden.code()).isEqualTo("KZ-EVM-HIDDEN-MINT");
        assertThat(hidden.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(hidden.evidence()).anyMatch(e -> e.type() == EvidenceType.TRANSACTION && e.value().equals("0xabc"));
        Finding after = only(map(signal("mint_after_launch", "{\"tx\":\"0xdef\",\"block\":342,\"amount\":\"5\",\"to\":\""
                + OWNER + "\"}")));
        assertThat(after.code()).isEqualTo("KZ-EVM-POST-LAUNCH-MINT");
        assertThat(after.kind()).isEqualTo(FindingKind.EVIDENCE);
    }

    @ParameterizedTest
    @CsvSource({"set, KZ-EVM-BALANCE-CONTROL, CRITICAL", "move, KZ-EVM-BALANCE-CONTROL, CRITICAL",
            "burn_blacklisted, KZ-EVM-BLACKLIST, HIGH"})
    void aBalanceRewriteIsBalanceControlUnlessItOnlyReachesBlacklistedAddresses(String kind, String code,
                                                                                Severity severity) {
        Finding finding = only(map(signal("balance_rewrite", "{\"selector\":\"0x8d1b5b34\",\"by\":\"" + OWNER
                + "\",\"kind\":\"" + kind + "\"}")));

        assertThat(finding.code()).isEqualTo(code);
        assertThat(finding.severity()).isEqualTo(severity);
    }

    @Test
    void aSiphonedHolderIsEvidenceWithHolderAndTransaction() {
        Finding finding = only(map(signal("siphoned_holder", "{\"holder\":\"" + SAFE + "\",\"amount\":\"35\",\"tx\":"
                + "\"0xbd17\",\"by\":\"" + OWNER + "\"}")));

        assertThat(finding.code()).isEqualTo("KZ-EVM-SIPHONED-HOLDER");
        assertThat(finding.evidence()).extracting(e -> e.type()).containsExactly(EvidenceType.HOLDER,
                EvidenceType.TRANSACTION);
    }

    @Test
    void ownershipRenouncedFakeRenounceAndHiddenOwners() {
        ObjectNode renounced = facts();
        renounced.putObject("ownership").put("renounced", true).putObject("owner")
                .put("address", "0x0000000000000000000000000000000000000000").put("kind", "burn");
        renounced.withArray("signals").addObject().put("code", "ownership_renounced").putObject("params");
        assertThat(mapping.map(new TokenFactsView(renounced)).findings()).extracting(Finding::code)
                .containsExactly("KZ-EVM-OWNER-RENOUNCED");

        ObjectNode fake = facts();
        fake.putObject("ownership").put("renounced", true).putObject("owner")
                .put("address", "0x0000000000000000000000000000000000000000").put("kind", "burn");
        addSignal(fake, "fake_renounce", "{\"selector\":\"0xa69df4b5\",\"signature\":\"unlock()\",\"by\":\"" + OWNER
                + "\",\"unlock_time\":1767234384,\"slot\":1}");
        List<Finding> findings = mapping.map(new TokenFactsView(fake)).findings();
        assertThat(findings).extracting(Finding::code).as("a renounce that can be taken back is no good news")
                .containsExactly("KZ-EVM-OWNERSHIP-RECLAIMABLE");
        assertThat(findings.getFirst().evidence()).anyMatch(e -> e.type() == EvidenceType.STORAGE_SLOT);

        Finding hidden = only(map(signal("hidden_owner", "{\"address\":\"" + SAFE + "\",\"location\":\"bytecode\","
                + "\"powers\":[\"balance_rewrite\"]}")));
        assertThat(hidden.code()).isEqualTo("KZ-EVM-HIDDEN-OWNER");
        assertThat(hidden.message()).contains("balance rewrite").contains("the bytecode");
    }

    @Test
    void proxiesForwardingAndSelfdestruct() {
        ObjectNode proxied = facts();
        proxied.putObject("proxy").put("kind", "eip1967").put("upgradeable", true).put("admin", SAFE);
        addSignal(proxied, "upgradeable_proxy", "{\"standard\":\"EIP-1967\",\"kind\":\"transparent\",\"implementation\":\""
                + SAFE + "\",\"admin\":\"" + SAFE + "\",\"admin_owner\":\"" + OWNER + "\"}");
        List<Finding> findings = mapping.map(new TokenFactsView(proxied)).findings();
        assertThat(findings).extracting(Finding::code).as("the section adds no duplicate")
                .containsExactly("KZ-EVM-UPGRADEABLE-PROXY");

        assertThat(only(map(signal("minimal_proxy", "{\"standard\":\"EIP-1167\",\"implementation\":\"" + SAFE + "\"}")))
                .code()).isEqualTo("KZ-EVM-MINIMAL-PROXY");
        assertThat(only(map(signal("deprecation_forwarding", "{\"selector\":\"0x0753c30c\",\"signature\":"
                + "\"deprecate(address)\"}"))).code()).isEqualTo("KZ-EVM-UPGRADEABLE-PROXY");
        assertThat(only(map(signal("selfdestruct", "{\"selector\":\"0x3403c2fc\"}"))).code())
                .isEqualTo("KZ-EVM-SELFDESTRUCT");
    }

    @Test
    void anExternalCallThatCanBlockSellsHeldByOneKeyIsHigh() {
        Finding guard = only(map(signal("external_call_in_transfer", "{\"target\":\"" + SAFE + "\",\"selector\":"
                + "\"0x4a393149\",\"verified\":false,\"can_block_sells\":true,\"by\":\"" + OWNER + "\"}")));
        assertThat(guard.code()).isEqualTo("KZ-EVM-EXTERNAL-CALL-IN-TRANSFER");
        assertThat(guard.severity()).isEqualTo(Severity.HIGH);
        Finding harmless = only(map(signal("external_call_in_transfer", "{\"target\":\"" + SAFE + "\","
                + "\"can_block_sells\":false}")));
        assertThat(harmless.severity()).isEqualTo(Severity.MEDIUM);
    }

    @Test
    void sameBytecodeAsAKnownScamIsAScamClone() {
        Finding clone = only(map(signal("same_bytecode_as", "{\"key\":\"honeypot_whitelist_v06\",\"address\":\"" + SAFE
                + "\"}")));
        assertThat(clone.code()).isEqualTo("KZ-EVM-SCAM-CLONE");
        assertThat(clone.evidence().getFirst().value()).isEqualTo(SAFE);
    }

    @Test
    void liquidityAndHolders() {
        assertThat(only(map(signal("lp_burned", "{\"percent_bps\":10000}"))).measure()).isEqualTo(100.0);
        Finding locked = only(map(signal("lp_locked", "{\"percent_bps\":8000,\"locker\":\"" + SAFE
                + "\",\"lock_id\":3,\"unlock_time\":1893456000}")));
        assertThat(locked.code()).isEqualTo("KZ-LIQ-LP-LOCKED");
        assertThat(locked.message()).contains("80 %").contains("2030-01-01T00:00:00Z");
        Finding unlocked = only(map(signal("lp_unlocked", "{\"percent_bps\":2000,\"holders\":[\"" + OWNER + "\"]}")));
        assertThat(unlocked.code()).isEqualTo("KZ-LIQ-LP-UNLOCKED");
        assertThat(unlocked.measure()).isEqualTo(20.0);
        assertThat(unlocked.kind()).as("the listed wallets can pull it: a capability").isEqualTo(FindingKind.CAPABILITY);
        Finding concentrated = only(map(signal("concentrated_holders", "{\"top10_bps\":6275}")));
        assertThat(concentrated.code()).isEqualTo("KZ-HOLDERS-CONCENTRATED");
        assertThat(concentrated.measure()).isEqualTo(62.75);
    }

    @Test
    void lowLiquidityComesFromTheLiquiditySectionAndIsOnlyReportedWhenItCosts() {
        ObjectNode thin = facts();
        thin.putObject("liquidity").put("totalUSD", 30000);
        assertThat(mapping.map(new TokenFactsView(thin)).findings()).extracting(Finding::code)
                .containsExactly("KZ-LIQ-LOW");
        ObjectNode deep = facts();
        deep.putObject("liquidity").put("totalUSD", 6_000_000);
        assertThat(mapping.map(new TokenFactsView(deep)).findings()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"eoa, KZ-EVM-OWNER-NOT-RENOUNCED", "eoa-delegated, KZ-EVM-OWNER-NOT-RENOUNCED",
            "multisig, KZ-EVM-OWNER-MULTISIG", "timelock, KZ-EVM-OWNER-MULTISIG", "contract, KZ-EVM-OWNER-NOT-RENOUNCED",
            "unknown, KZ-EVM-OWNER-NOT-RENOUNCED", "burn, KZ-EVM-OWNER-RENOUNCED"})
    void theOwnersKindDecidesTheGovernanceFinding(String kind, String code) {
        assertThat(mapping.map(new TokenFactsView(ownedBy(OWNER, kind))).findings()).extracting(Finding::code)
                .containsExactly(code);
    }

    @Test
    void anOwnerContractControlledByAMultisigCountsAsMultisig() {
        ObjectNode facts = facts();
        ObjectNode owner = facts.putObject("ownership").put("renounced", false).putObject("owner");
        owner.put("address", OWNER).put("kind", "contract").putObject("owner").put("address", SAFE).put("kind", "multisig");
        assertThat(mapping.map(new TokenFactsView(facts)).findings()).extracting(Finding::code)
                .containsExactly("KZ-EVM-OWNER-MULTISIG");
    }

    @Test
    void aContractThatIsNotATokenIsSaidSo() {
        ObjectNode facts = facts();
        facts.putObject("token").put("isToken", false).put("notTokenReason", "balanceOf(address) reverted");
        Finding finding = only(mapping.map(new TokenFactsView(facts)).findings());
        assertThat(finding.code()).isEqualTo("KZ-NOT-A-TOKEN");
        assertThat(finding.message()).contains("balanceOf(address) reverted");
    }

    @Test
    void coverageKeepsDataServicesReasonsAndNeverTakesUnknownForSafe() {
        ObjectNode facts = facts();
        ArrayNode coverage = facts.putArray("coverage");
        coverage.addObject().put("check", "metadata").put("status", "ran");
        facts.putObject("token").put("isToken", true);
        coverage.addObject().put("check", "simulation").put("status", "failed").put("reason", "node rate limit (429)");
        coverage.addObject().put("check", "liquidity").put("status", "ran");
        coverage.addObject().put("check", "holders").put("status", "skipped").put("reason", "not part of quick depth");
        coverage.addObject().put("check", "holder-replay").put("status", "ran");

        List<CoverageCheck> checks = mapping.map(new TokenFactsView(facts)).coverage();

        assertThat(status(checks, "evm.metadata").status()).isEqualTo(CheckStatus.RAN);
        assertThat(status(checks, "evm.sell-simulation").reason()).isEqualTo("node rate limit (429)");
        assertThat(status(checks, "evm.liquidity").status()).as("ran, but no section came").isEqualTo(CheckStatus.FAILED);
        assertThat(status(checks, "evm.liquidity").reason()).contains("sent no liquidity section");
        assertThat(status(checks, "evm.holders").status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(status(checks, "evm.bytecode").status()).as("not reported at all").isEqualTo(CheckStatus.FAILED);
        assertThat(status(checks, "evm.holder-replay").weight()).as("a check this version does not know").isZero();
    }

    @Test
    void unknownSignalsAreReportedButNotScoredAndGarbageIsTolerated() {
        ObjectNode facts = facts();
        addSignal(facts, "teleports_tokens", "{}");
        facts.withArray("signals").add("not an object");
        facts.withArray("signals").addObject().put("code", "sell_tax").put("params", "oops");
        facts.put("liquidity", 42);

        MappedFacts mapped = mapping.map(new TokenFactsView(facts));

        assertThat(mapped.unknownSignals()).containsExactly("teleports_tokens");
        assertThat(mapped.findings()).extracting(Finding::code).containsExactly("KZ-EVM-SELL-TAX");
        assertThat(mapped.findings().getFirst().measure()).as("no measured value, no invented one").isNull();
    }

    @Test
    void everyFindingOfASignalNamesItsSignal() {
        MappedFacts mapped = mapping.map(new TokenFactsView(signal("blacklist", "{\"selector\":\"0x8084872c\"}")));
        assertThat(mapped.signalOf(mapped.findings().getFirst())).isEqualTo("blacklist");
    }

    // ---- helpers ----

    static ObjectNode facts() {
        ObjectNode facts = JSON.createObjectNode();
        facts.put("network", "devnet");
        facts.put("address", "0x00000000000000000000000000000000000000aa");
        facts.putArray("coverage");
        return facts;
    }

    static ObjectNode signal(String code, String params) {
        return signal(code, params, "[]");
    }

    static ObjectNode signal(String code, String params, String evidence) {
        ObjectNode facts = facts();
        ObjectNode signal = facts.putArray("signals").addObject();
        signal.put("code", code);
        signal.set("params", JSON.readTree(params));
        signal.set("evidence", JSON.readTree(evidence));
        return facts;
    }

    static void addSignal(ObjectNode facts, String code, String params) {
        ObjectNode signal = facts.withArray("signals").addObject();
        signal.put("code", code);
        signal.set("params", JSON.readTree(params));
    }

    static ObjectNode ownedBy(String address, String kind) {
        ObjectNode facts = facts();
        facts.putObject("ownership").put("renounced", "burn".equals(kind)).putObject("owner").put("address", address)
                .put("kind", kind);
        return facts;
    }

    List<Finding> map(ObjectNode facts) {
        return mapping.map(new TokenFactsView(facts)).findings();
    }

    List<Finding> map(ObjectNode base, ObjectNode withSignal) {
        base.set("signals", withSignal.get("signals"));
        return map(base);
    }

    static Finding only(List<Finding> findings) {
        assertThat(findings).hasSize(1);
        return findings.getFirst();
    }

    static Finding find(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + findings));
    }

    static CoverageCheck status(List<CoverageCheck> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
