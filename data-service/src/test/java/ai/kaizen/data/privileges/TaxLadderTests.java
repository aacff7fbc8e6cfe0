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
    void theLadderClimbsFromOneToBeyondAnyScaleByAtMostHalfPerStep() {
        List<BigInteger> ladder = TaxLadder.LADDER;
        assertThat(ladder).isSorted().doesNotHaveDuplicates().startsWith(BigInteger.ONE)
                .contains(BigInteger.valueOf(25), BigInteger.valueOf(100), BigInteger.valueOf(2_500),
                        BigInteger.valueOf(10_000), BigInteger.valueOf(10_001));
        for (int i = 1; i < ladder.size() && ladder.get(i).compareTo(TaxLadder.TAX_SCALE) <= 0; i++) {
            BigInteger previous = ladder.get(i - 1);
            assertThat(ladder.get(i)).as("after " + previous)
                    .isLessThanOrEqualTo(previous.multiply(BigInteger.valueOf(3)).divide(BigInteger.TWO)
                            .max(previous.add(BigInteger.ONE)));
        }
        assertThat(ladder.getLast().bitLength()).isEqualTo(256);
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
        assertThat(TaxLadder.bracket(values(1, 10, 20, 25, 50), List.of(true, true, false, false, false)))
                .isEqualTo(new TaxLadder.Bracket(BigInteger.TEN, BigInteger.valueOf(20)));
        assertThat(TaxLadder.bracket(values(1, 10), List.of(false, false))).isNull();
        assertThat(TaxLadder.bracket(values(1, 10), List.of(true, true)).refused()).isNull();
    }

    @Test
    void eachVariantIsSentAscendingAscendingWithinATaxScaleAndDescending() {
        List<List<BigInteger>> orders = TaxLadder.orders();
        assertThat(orders).hasSize(3);
        assertThat(orders.get(0)).isEqualTo(TaxLadder.LADDER);
        assertThat(orders.get(1)).isSorted().endsWith(TaxLadder.TAX_SCALE);
        assertThat(orders.get(2)).isEqualTo(TaxLadder.LADDER.reversed());
        // One ladder call sends them all within the gas the call is given (Check.LADDER_GAS).
        assertThat(TaxLadder.LADDER).hasSizeLessThanOrEqualTo(50);
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
    void aCapIsScaledUpToTheSettingJustBelowTheRefusedOneNeverDown() {
        assertThat(TaxLadder.bound(1_000, BigInteger.valueOf(1_000), BigInteger.valueOf(1_100))).isEqualTo(1_099);
        // USDT-like: 15 bps passed and 18 was refused, so the cap is taken as 17 bps.
        assertThat(TaxLadder.bound(15, BigInteger.valueOf(15), BigInteger.valueOf(18))).isEqualTo(17);
        assertThat(TaxLadder.bound(19, BigInteger.valueOf(19), BigInteger.valueOf(20))).isEqualTo(19);
        assertThat(TaxLadder.bound(19, BigInteger.valueOf(19), null)).isEqualTo(19);
        assertThat(TaxLadder.bound(9_000, BigInteger.valueOf(9_000), BigInteger.valueOf(20_000)))
                .isEqualTo(TaxLadder.ALL_OF_IT);
    }
}
