package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static ai.kaizen.data.simulation.ProbeLayout.*;
import static org.assertj.core.api.Assertions.assertThat;

class TaxLadderTests {

    private static final EvmAddress VICTIM = EvmAddress.parse("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");
    private static final Check HEALTHY = new CheckBuilder().build();

    private static List<BigInteger> values(long... values) {
        return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
    }

    private static ArgumentShapes.Shape shape(String name) {
        return ArgumentShapes.all(VICTIM).stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void theLadderClimbsFromOneToBeyondAnyScaleInAscendingOrder() {
        assertThat(TaxLadder.LADDER).isSorted().startsWith(BigInteger.ONE)
                .contains(BigInteger.valueOf(100), BigInteger.valueOf(10_000), BigInteger.valueOf(10_001));
        assertThat(TaxLadder.LADDER.getLast().bitLength()).isEqualTo(256);
    }

    @Test
    void aNumberShapeIsVariedAllAtOnceAndOneArgumentAtATime() {
        List<TaxLadder.Variant> variants = TaxLadder.variants(shape(ArgumentShapes.NUMBER));
        assertThat(variants).extracting(v -> v.at(BigInteger.valueOf(19)).arguments())
                .containsExactly("(19, 19, 19, 19)", "(19, 0, 0, 0)", "(0, 19, 0, 0)", "(0, 0, 19, 0)");
    }

    @Test
    void aFlagKeepsItsFlagAndAVictimShapeKeepsItsAddress() {
        assertThat(TaxLadder.variants(shape(ArgumentShapes.FLAG))).extracting(v -> v.at(BigInteger.TEN).arguments())
                .containsExactly("(1, 10, 10, 10)", "(1, 10, 0, 0)", "(1, 0, 10, 0)");
        assertThat(TaxLadder.variants(shape(ArgumentShapes.VICTIM)))
                .extracting(v -> v.at(BigInteger.valueOf(500)).arguments())
                .containsExactly("(" + VICTIM.toChecksum() + ", 500, " + VICTIM.toChecksum() + ", 500)");
        assertThat(TaxLadder.variants(shape(ArgumentShapes.VICTIM_LIST))).isEmpty();
    }

    @Test
    void aHugeSettingIsWrittenAsANumberNotAsAnAddress() {
        TaxLadder.Variant all = TaxLadder.variants(shape(ArgumentShapes.NUMBER)).getFirst();
        assertThat(all.at(TaxLadder.LADDER.getLast()).calldata("0x12345678"))
                .isEqualTo("0x12345678" + ("8" + "0".repeat(63)).repeat(4));
        assertThat(all.at(TaxLadder.LADDER.getLast()).arguments()).startsWith("(" + TaxLadder.LADDER.getLast());
    }

    @Test
    void theBracketIsTheHighestAcceptedSettingAndTheNextRefusedOne() {
        TaxLadder.Bracket bracket = TaxLadder.bracket(values(1, 10, 20, 25, 50),
                List.of(true, true, false, false, false));
        assertThat(bracket).isEqualTo(new TaxLadder.Bracket(BigInteger.TEN, BigInteger.valueOf(20)));
        assertThat(bracket.open()).isTrue();
        assertThat(bracket.inside()).isEqualTo(values(11, 12, 13, 14, 15, 16, 17, 18, 19));
        assertThat(TaxLadder.bracket(values(1, 10), List.of(false, false))).isNull();
        TaxLadder.Bracket unlimited = TaxLadder.bracket(values(1, 10), List.of(true, true));
        assertThat(unlimited.refused()).isNull();
        assertThat(unlimited.open()).isFalse();
        assertThat(unlimited.inside()).isEmpty();
    }

    @Test
    void aWideBracketIsNarrowedBySixteenEvenlySpacedSettings() {
        TaxLadder.Bracket bracket = new TaxLadder.Bracket(BigInteger.valueOf(1000), BigInteger.valueOf(2500));
        List<BigInteger> inside = bracket.inside();
        assertThat(inside).hasSize(TaxLadder.REFINEMENT).isSorted()
                .allMatch(v -> v.compareTo(BigInteger.valueOf(1000)) > 0 && v.compareTo(BigInteger.valueOf(2500)) < 0);
        assertThat(new TaxLadder.Bracket(BigInteger.valueOf(19), BigInteger.valueOf(20)).inside()).isEmpty();
    }

    @Test
    void theTopIsCheckedAndAlsoTheTopWithinATaxScaleWhenHigherSettingsPass() {
        assertThat(TaxLadder.toCheck(values(10, 100, 10_000, 1_000_000), List.of(true, true, true, true)))
                .isEqualTo(values(1_000_000, 10_000));
        assertThat(TaxLadder.toCheck(values(10, 19, 20), List.of(true, true, false))).isEqualTo(values(19));
        assertThat(TaxLadder.toCheck(values(10, 20), List.of(false, false))).isEmpty();
    }

    @Test
    void aFeeSettersTaxIsTheFreshBuyersHighestAndBrokenTradesAreAllOfIt() {
        Check taxed = new CheckBuilder().trade(S_SELL_POOL_RECEIVED, 39_924).trade(S_BUY_RECEIVED, 99_990).build();
        assertThat(TaxLadder.taxBps("tax_modifiable", HEALTHY, taxed)).isEqualTo(19);
        Check broken = new CheckBuilder().trade(S_SELL_OK, 0).build();
        assertThat(TaxLadder.taxBps("tax_modifiable", HEALTHY, broken)).isEqualTo(TaxLadder.ALL_OF_IT);
        // Sells that never worked are not the setter's doing: what could still be measured counts.
        assertThat(TaxLadder.taxBps("tax_modifiable", broken, broken)).isZero();
        Check nothing = new CheckBuilder().trade(S_BUY_OK, 0).build();
        assertThat(TaxLadder.taxBps("tax_modifiable", nothing, nothing)).isNull();
    }

    @Test
    void aPerWalletTaxIsTheVictimsOwn() {
        Check victimTaxed = new CheckBuilder().set(C_V_SELL_POOL_RECEIVED, 5_000).build();
        assertThat(TaxLadder.taxBps("per_address_tax", HEALTHY, victimTaxed)).isEqualTo(5_000);
        Check victimStuck = new CheckBuilder().set(C_V_SELL_OK, 0).build();
        assertThat(TaxLadder.taxBps("per_address_tax", HEALTHY, victimStuck)).isEqualTo(TaxLadder.ALL_OF_IT);
    }

    @Test
    void anUnresolvedCapIsScaledUpToTheLastUntriedSettingNeverDown() {
        assertThat(TaxLadder.bound(1_000, BigInteger.valueOf(1_000), BigInteger.valueOf(1_100))).isEqualTo(1_099);
        assertThat(TaxLadder.bound(19, BigInteger.valueOf(19), BigInteger.valueOf(20))).isEqualTo(19);
        assertThat(TaxLadder.bound(19, BigInteger.valueOf(19), null)).isEqualTo(19);
        assertThat(TaxLadder.bound(9_000, BigInteger.valueOf(9_000), BigInteger.valueOf(20_000)))
                .isEqualTo(TaxLadder.ALL_OF_IT);
    }
}
