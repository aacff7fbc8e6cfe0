package ai.kaizen.data.updates;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.TokenFacts;
import ai.kaizen.data.signals.Signal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a score-relevant change between two collections, and what never does. */
class TokenFingerprintTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final UpdatesProperties RULES = UpdatesProperties.defaults();
    private static final String OWNER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";

    private static TokenFingerprint base() {
        return new TokenFingerprint(OWNER, new BigDecimal("100000.00"), new BigDecimal("50.00"),
                new BigDecimal("30.00"), "1000000000", List.of("lp_burned {}", "mint {\"selector\":\"0x40c10f19\"}"),
                Map.of("sell_tax", 500), "keccak-a", "none", "none");
    }

    private static TokenFingerprint with(TokenFingerprint f, String field, Object value) {
        return new TokenFingerprint(
                field.equals("owner") ? (String) value : f.owner(),
                field.equals("liquidityUsd") ? (BigDecimal) value : f.liquidityUsd(),
                field.equals("burned") ? (BigDecimal) value : f.lpBurnedPercent(),
                field.equals("locked") ? (BigDecimal) value : f.lpLockedPercent(),
                field.equals("supply") ? (String) value : f.totalSupply(),
                field.equals("signals") ? castList(value) : f.signals(),
                field.equals("taxes") ? castMap(value) : f.taxes(),
                field.equals("code") ? (String) value : f.codeHash(),
                field.equals("implementation") ? (String) value : f.implementation(),
                f.implementationCodeHash());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> castMap(Object value) {
        return (Map<String, Integer>) value;
    }

    private static List<String> changes(TokenFingerprint before, TokenFingerprint now) {
        return now.changesFrom(before, RULES);
    }

    @Test
    void theSameFactsAreNoChange() {
        assertThat(changes(base(), base())).isEmpty();
    }

    @Test
    void eachScoreRelevantFieldIsItsOwnChange() {
        TokenFingerprint base = base();
        assertThat(changes(base, with(base, "owner", "0x0000000000000000000000000000000000000000")))
                .containsExactly("ownership");
        assertThat(changes(base, with(base, "liquidityUsd", new BigDecimal("88000")))).containsExactly("liquidity");
        assertThat(changes(base, with(base, "burned", new BigDecimal("48.50")))).containsExactly("lp");
        assertThat(changes(base, with(base, "locked", new BigDecimal("0")))).containsExactly("lp");
        assertThat(changes(base, with(base, "supply", "1050000000"))).containsExactly("supply");
        assertThat(changes(base, with(base, "signals", List.of("lp_burned {}")))).containsExactly("signals");
        assertThat(changes(base, with(base, "taxes", Map.of("sell_tax", 9000)))).containsExactly("taxes");
        assertThat(changes(base, with(base, "code", "keccak-b"))).containsExactly("code");
        assertThat(changes(base, with(base, "implementation", "0x00000000000000000000000000000000000000aa")))
                .containsExactly("code");
    }

    @Test
    void smallMovesAndUnknownFieldsAreNoChange() {
        TokenFingerprint base = base();
        // 10 % exactly is not "more than 10 %"; LP shares and taxes inside their thresholds; a tiny deflationary burn.
        assertThat(changes(base, with(base, "liquidityUsd", new BigDecimal("110000.00")))).isEmpty();
        assertThat(changes(base, with(base, "burned", new BigDecimal("50.99")))).isEmpty();
        assertThat(changes(base, with(base, "taxes", Map.of("sell_tax", 540)))).isEmpty();
        assertThat(changes(base, with(base, "supply", "999999999"))).isEmpty();
        // A check that did not run this time knows nothing, so it changes nothing.
        TokenFingerprint unknown = new TokenFingerprint(null, null, null, null, null, null, null, null, null, null);
        assertThat(changes(base, unknown)).isEmpty();
        assertThat(changes(unknown, base)).isEmpty();
    }

    @Test
    void afterAChangeTheNewFactsAreTheBaselineAndUnknownFieldsKeepTheOldOnes() {
        TokenFingerprint base = base();
        TokenFingerprint partial = new TokenFingerprint("0x0000000000000000000000000000000000000001", null, null, null,
                null, null, null, "keccak-a", null, null);
        TokenFingerprint baseline = partial.over(base);
        assertThat(baseline.owner()).isEqualTo("0x0000000000000000000000000000000000000001");
        assertThat(baseline.liquidityUsd()).isEqualTo(base.liquidityUsd());
        assertThat(baseline.signals()).isEqualTo(base.signals());
        // Drift adds up against an unchanged baseline: two 6 % moves are one change.
        TokenFingerprint drifted = with(base, "liquidityUsd", new BigDecimal("106000"));
        assertThat(changes(base, drifted)).isEmpty();
        TokenFingerprint kept = base.over(drifted);
        assertThat(changes(kept, with(base, "liquidityUsd", new BigDecimal("112360")))).containsExactly("liquidity");
    }

    @Test
    void signalsAreIdentifiedWithoutTheirMeasuredValues() {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("percent_bps", 3000);
        measured.put("locker", "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9");
        Map<String, Object> remeasured = new LinkedHashMap<>(measured);
        remeasured.put("percent_bps", 2990);
        assertThat(TokenFingerprint.identity(new Signal("lp_locked", "economic", measured, List.of()), MAPPER))
                .isEqualTo(TokenFingerprint.identity(new Signal("lp_locked", "economic", remeasured, List.of()), MAPPER))
                .contains("locker");
        assertThat(TokenFingerprint.identity(new Signal("mint", "capability", Map.of("selector", "0x40c10f19"),
                List.of()), MAPPER)).isNotEqualTo(TokenFingerprint.identity(new Signal("mint", "capability",
                Map.of("selector", "0xa0712d68"), List.of()), MAPPER));
    }

    @Test
    void signalsAndTaxesAreUnknownWhenACheckBehindThemFailed() {
        List<Signal> signals = List.of(new Signal("sell_tax", Signal.EVIDENCE, Map.of("value_bps", 2500), List.of()));
        List<Coverage> ran = new ArrayList<>();
        for (String check : List.of("code", "metadata", "bytecode", "proxy", "ownership", "creator", "simulation",
                "privileges", "liquidity", "holders")) {
            ran.add(Coverage.ran(check));
        }
        TokenFingerprint complete = TokenFingerprint.of(facts(signals, ran), MAPPER);
        assertThat(complete.signals()).hasSize(1);
        assertThat(complete.taxes()).containsEntry("sell_tax", 2500);

        List<Coverage> failed = new ArrayList<>(ran);
        failed.set(6, Coverage.failed("simulation", "eth_simulateV1 failed"));
        TokenFingerprint partial = TokenFingerprint.of(facts(List.of(), failed), MAPPER);
        assertThat(partial.signals()).isNull();
        assertThat(partial.taxes()).isNull();
        assertThat(partial.changesFrom(complete, RULES)).isEmpty();
    }

    private static TokenFacts facts(List<Signal> signals, List<Coverage> coverage) {
        return new TokenFacts("devnet", 31337, "0x2706A171ECb68E0038378D40Dd1d136361d0cB7d", "standard",
                Instant.parse("2026-01-01T00:00:00Z"), 700L, true, null, null, null, null, null, null, null, null,
                null, signals, coverage, new TokenFacts.Rpc(1, 1, 1, 0));
    }
}
