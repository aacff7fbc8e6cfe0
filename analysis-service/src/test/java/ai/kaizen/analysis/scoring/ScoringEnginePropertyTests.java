package ai.kaizen.analysis.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The promises of the score, for any findings and coverage jqwik can think of. */
class ScoringEnginePropertyTests {

    private static final ScoringRules RULES = ScoringRules.defaults();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Property
    void scoresAndPillarsStayWithinZeroToOneHundred(@ForAll("inputs") ScoringInput input) {
        ScoreResult result = ScoringEngine.score(input, RULES);

        assertThat(result.kaizenScore()).isBetween(0, 100);
        assertThat(result.uncappedScore()).isBetween(0, 100).isGreaterThanOrEqualTo(result.kaizenScore());
        for (Pillar pillar : Pillar.values()) {
            assertThat(result.breakdown().of(pillar)).isBetween(0, 100);
        }
        assertThat(result.confidence()).isBetween(0.0, 1.0);
        assertThat(result.dataQuality()).isBetween(0.0, 1.0);
        assertThat(result.riskLevel()).isEqualTo(RiskLevel.of(result.kaizenScore()).label());
        assertThat(result.findings()).allSatisfy(finding -> assertThat(finding.impact()).isBetween(0, 100));
    }

    @Property
    void addingAFindingNeverRaisesTheScoreOrAPillar(@ForAll("inputs") ScoringInput input,
                                                   @ForAll("findings") Finding redFlag) {
        ScoreResult before = ScoringEngine.score(input, RULES);
        List<Finding> more = new ArrayList<>(input.findings());
        more.add(redFlag);

        ScoreResult after = ScoringEngine.score(new ScoringInput(input.token(), more, input.coverage()), RULES);

        assertThat(after.kaizenScore()).isLessThanOrEqualTo(before.kaizenScore());
        for (Pillar pillar : Pillar.values()) {
            assertThat(after.breakdown().of(pillar)).isLessThanOrEqualTo(before.breakdown().of(pillar));
        }
    }

    @Property
    void theOrderOfFindingsAndChecksDoesNotMatter(@ForAll("inputs") ScoringInput input, @ForAll long seed) {
        List<Finding> findings = new ArrayList<>(input.findings());
        List<CoverageCheck> coverage = new ArrayList<>(input.coverage());
        Collections.shuffle(findings, new Random(seed));
        Collections.shuffle(coverage, new Random(~seed));

        ScoreResult original = ScoringEngine.score(input, RULES);
        ScoreResult shuffled = ScoringEngine.score(new ScoringInput(input.token(), findings, coverage), RULES);

        assertThat(shuffled).isEqualTo(original);
        assertThat(ScoringEngine.score(input, RULES)).isEqualTo(original);
    }

    @Property
    void theScoreIsReproducibleFromTheStoredFindings(@ForAll("inputs") ScoringInput input) {
        ScoreResult stored = ScoringEngine.score(input, RULES);

        assertThat(ScoringEngine.rescore(stored, RULES)).isEqualTo(stored);
        assertThat(ScoringEngine.rescore(stored.token(), stored.findings(), stored.coverage(), RULES))
                .isEqualTo(stored);
    }

    @Property(tries = 300)
    void theScoreSurvivesAJsonRoundTripAndRescoresToTheSameResult(@ForAll("inputs") ScoringInput input) {
        ScoreResult stored = ScoringEngine.score(input, RULES);

        ScoreResult read = JSON.readValue(JSON.writeValueAsString(stored), ScoreResult.class);

        assertThat(read).isEqualTo(stored);
        assertThat(ScoringEngine.rescore(read, RULES)).isEqualTo(stored);
    }

    @Property
    void aCheckThatDidNotRunNeverRaisesTheScoreOrTheConfidence(@ForAll("inputs") ScoringInput input,
                                                              @ForAll int pick,
                                                              @ForAll("notRun") CheckStatus notRun) {
        List<Integer> ran = new ArrayList<>();
        for (int i = 0; i < input.coverage().size(); i++) {
            if (input.coverage().get(i).status() == CheckStatus.RAN) {
                ran.add(i);
            }
        }
        Assume.that(!ran.isEmpty());
        int index = ran.get(Math.floorMod(pick, ran.size()));
        List<CoverageCheck> coverage = new ArrayList<>(input.coverage());
        coverage.set(index, coverage.get(index).withStatus(notRun, "did not run"));

        ScoreResult before = ScoringEngine.score(input, RULES);
        ScoreResult after = ScoringEngine.score(new ScoringInput(input.token(), input.findings(), coverage), RULES);

        assertThat(after.kaizenScore()).isLessThanOrEqualTo(before.kaizenScore());
        for (Pillar pillar : Pillar.values()) {
            assertThat(after.breakdown().of(pillar)).isLessThanOrEqualTo(before.breakdown().of(pillar));
        }
        assertThat(after.confidence()).isLessThanOrEqualTo(before.confidence());
        assertThat(after.dataQuality()).isLessThanOrEqualTo(before.dataQuality());
    }

    @Property
    void aTrustedTokenNeverScoresBelowTheSameFindingsOnAnUnknownToken(@ForAll("inputs") ScoringInput input) {
        ScoreResult trusted = ScoringEngine.score(new ScoringInput(Fixtures.USDT, input.findings(),
                input.coverage()), RULES);
        ScoreResult unknown = ScoringEngine.score(new ScoringInput(Fixtures.UNKNOWN_TOKEN, input.findings(),
                input.coverage()), RULES);

        assertThat(trusted.kaizenScore()).isGreaterThanOrEqualTo(unknown.kaizenScore());
        assertThat(trusted.caps()).isEqualTo(unknown.caps());
    }

    @Provide
    Arbitrary<CheckStatus> notRun() {
        return Arbitraries.of(CheckStatus.FAILED, CheckStatus.SKIPPED);
    }

    @Provide
    Arbitrary<ScoringInput> inputs() {
        Arbitrary<TokenRef> tokens = Arbitraries.of(Fixtures.UNKNOWN_TOKEN, Fixtures.USDT,
                new TokenRef("solana", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"),
                new TokenRef("devnet", "0x5FbDB2315678afecb367f032d93F642f64180aa3"));
        return Combinators.combine(tokens, findings().list().ofMaxSize(12), checks().list().ofMaxSize(10))
                .as(ScoringInput::new);
    }

    @Provide
    Arbitrary<Finding> findings() {
        List<String> codes = Stream.concat(Arrays.stream(FindingCode.values()).map(FindingCode::code),
                Stream.of("KZ-FUTURE-SIGNAL")).toList();
        Arbitrary<Double> measures = Arbitraries.oneOf(
                Arbitraries.doubles().between(0, 100).ofScale(2),
                Arbitraries.doubles().between(0, 100).ofScale(2),
                Arbitraries.of(0.0, 0.2, 0.3, 0.4, 0.6, 1.0, 3.0, 5.0, 10.0, 30.0, 49.99, 50.0),
                Arbitraries.doubles().between(0, 1_000_000).ofScale(0))
                .injectNull(0.3);
        Arbitrary<List<Evidence>> evidence = Combinators.combine(Arbitraries.of(EvidenceType.class),
                        Arbitraries.strings().alpha().numeric().ofMaxLength(8),
                        Arbitraries.strings().alpha().ofMaxLength(6).injectNull(0.3))
                .as(Evidence::new).list().ofMaxSize(2);
        return Combinators.combine(Arbitraries.of(codes), Arbitraries.of(Pillar.class), Arbitraries.of(Severity.class),
                        Arbitraries.of(FindingKind.class), Arbitraries.of("m1", "m2", "owner can act"), evidence,
                        measures)
                .as((code, pillar, severity, kind, message, items, measure) -> FindingCode.byCode(code)
                        .map(known -> new Finding(code, known.pillar(), severity, kind, message, items, measure, 0,
                                null))
                        .orElseGet(() -> new Finding(code, pillar, severity, kind, message, items, measure, 0,
                                null)));
    }

    @Provide
    Arbitrary<CoverageCheck> checks() {
        return Combinators.combine(Arbitraries.of("evm.bytecode", "evm.sell", "evm.holders", "intel.deployer",
                                "social.mentions", "evm.lp"),
                        Arbitraries.of(Pillar.class), Arbitraries.of(CheckStatus.class),
                        Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.3))
                .as((id, pillar, status, weight) -> new CoverageCheck(id, pillar, status,
                        status == CheckStatus.RAN ? null : "reason", weight));
    }
}
