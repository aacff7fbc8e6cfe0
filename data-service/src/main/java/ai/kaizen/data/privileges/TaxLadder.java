package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The settings tried on a tax setter to find the highest tax it allows. Its parameters are unknown, so the setting
 * goes into every numeric argument at once and into each of the first three alone (the others 0): a setter that caps
 * each fee, one that caps their sum, and one that scales a second argument (USDT's maximum fee) are all driven to
 * their limit. Each variant climbs a ladder from 1 to 2^255 in steps of at most half (round values included), sent
 * in turn by the setter's caller inside one call; the tax at the highest accepted setting, scaled up to just below
 * the first refused one, bounds the setter's cap from above, exactly so when the tax grows in proportion to its
 * setting.
 */
final class TaxLadder {

    /** Values each variant tries: steps of at most half up to 10,000 with the usual caps among them, then beyond. */
    static final List<BigInteger> LADDER = ladder();
    /** Settings above this are past any tax scale (percent, per-mille, basis points). */
    static final BigInteger TAX_SCALE = BigInteger.valueOf(10_000);
    static final int ALL_OF_IT = 10_000;

    /** One way to place the setting: the shape's words with the setting at {@code positions}. */
    record Variant(ArgumentShapes.Shape shape, List<Integer> positions) {

        ArgumentShapes.Shape at(BigInteger value) {
            List<byte[]> words = new ArrayList<>(shape.words());
            for (int position : positions) {
                words.set(position, ArgumentShapes.word(value));
            }
            return new ArgumentShapes.Shape(shape.name(), List.copyOf(words));
        }
    }

    /** The highest accepted setting of a variant and the lowest refused one above it (null: none refused). */
    record Bracket(BigInteger accepted, @Nullable BigInteger refused) {
    }

    private TaxLadder() {
    }

    private static List<BigInteger> ladder() {
        java.util.TreeSet<Long> values = new java.util.TreeSet<>(List.of(10L, 20L, 25L, 50L, 100L, 250L, 500L,
                1_000L, 2_500L, 5_000L, 10_000L, 10_001L, 1_000_000L));
        for (long value = 1; value < 10_000; value = Math.max(value + 1, value * 3 / 2)) {
            values.add(value);
        }
        List<BigInteger> ladder = new ArrayList<>(values.stream().map(BigInteger::valueOf).toList());
        ladder.add(BigInteger.TEN.pow(18));
        ladder.add(BigInteger.ONE.shiftLeft(255));
        return List.copyOf(ladder);
    }

    /** How to vary a shape that changed a tax; none for a shape whose numbers cannot be told apart. */
    static List<Variant> variants(ArgumentShapes.Shape shape) {
        List<byte[]> zeros = List.of(ArgumentShapes.word(0), ArgumentShapes.word(0), ArgumentShapes.word(0),
                ArgumentShapes.word(0));
        return switch (shape.name()) {
            case ArgumentShapes.NUMBER -> List.of(new Variant(shape, List.of(0, 1, 2, 3)),
                    new Variant(shape.withWords(zeros), List.of(0)), new Variant(shape.withWords(zeros), List.of(1)),
                    new Variant(shape.withWords(zeros), List.of(2)));
            case ArgumentShapes.FLAG -> {
                List<byte[]> flagged = new ArrayList<>(zeros);
                flagged.set(0, shape.words().getFirst());
                yield List.of(new Variant(shape, List.of(1, 2, 3)), new Variant(shape.withWords(flagged), List.of(1)),
                        new Variant(shape.withWords(flagged), List.of(2)));
            }
            case ArgumentShapes.VICTIM -> List.of(new Variant(shape, List.of(1, 3)));
            default -> List.of();
        };
    }

    /**
     * The bracket of settings tried in ascending order, {@code accepted} telling which changed state; null when
     * none did.
     */
    static @Nullable Bracket bracket(List<BigInteger> settings, List<Boolean> accepted) {
        int highest = -1;
        for (int i = 0; i < settings.size(); i++) {
            if (accepted.get(i)) {
                highest = i;
            }
        }
        if (highest < 0) {
            return null;
        }
        return new Bracket(settings.get(highest), highest + 1 < settings.size() ? settings.get(highest + 1) : null);
    }

    /**
     * The orders a variant's settings are sent in, one ladder call each, every one ending in a check of the world
     * its last accepted setting left: ascending (the highest accepted; its flags give the bracket), ascending
     * within a tax scale (a huge setting may wrap around in a narrow type) and descending (the lowest, for a setter
     * that divides by its setting; the highest, for one that accepts a single change).
     */
    static List<List<BigInteger>> orders() {
        return List.of(LADDER, LADDER.stream().filter(v -> v.compareTo(TAX_SCALE) <= 0).toList(),
                LADDER.reversed());
    }

    /**
     * The tax a check measured after a setting, in basis points: for a fee setter the fresh buyer's highest
     * (buy, sell or transfer), for a per-wallet tax the victim's; trades that worked before and fail after count as
     * all of it. Null when nothing could be measured.
     */
    static @Nullable Integer taxBps(String code, Check before, Check after) {
        if (code.equals("per_address_tax")) {
            if (before.victimSellOk() && !after.victimSellOk()) {
                return ALL_OF_IT;
            }
            return max(after.victimSellTaxBps(), after.victimTransferTaxBps());
        }
        if (before.sellOk() && !after.sellOk()) {
            return ALL_OF_IT;
        }
        return max(max(after.buyTaxBps(), after.sellTaxBps()), after.transferTaxBps());
    }

    /**
     * The tax measured at a bracket's highest accepted setting, scaled up to the setting just below the refused
     * one (taxes grow with their setting), so a cap between the two is never reported lower than it may be.
     */
    static int bound(int measuredBps, BigInteger setting, @Nullable BigInteger refused) {
        if (refused == null || setting.signum() <= 0 || measuredBps >= ALL_OF_IT
                || refused.subtract(setting).compareTo(BigInteger.ONE) <= 0) {
            return measuredBps;
        }
        BigInteger scaled = BigInteger.valueOf(measuredBps).multiply(refused.subtract(BigInteger.ONE))
                .add(setting.subtract(BigInteger.ONE)).divide(setting);
        return scaled.min(BigInteger.valueOf(ALL_OF_IT)).intValueExact();
    }

    private static @Nullable Integer max(@Nullable Integer a, @Nullable Integer b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.max(a, b);
    }
}
