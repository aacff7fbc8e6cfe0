package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;

/**
 * The settings tried on a tax setter to find the highest tax it allows. Its parameters are unknown, so the setting
 * goes into every numeric argument at once and into each of the first three alone (the others 0): a setter that caps
 * each fee, one that caps their sum, and one that scales a second argument (USDT's maximum fee) are all driven to
 * their limit. Each variant climbs a ladder of values from 1 to 2^255; the first refused value above the highest
 * accepted one brackets the setter's cap, and one more batch of values inside the bracket narrows it.
 */
final class TaxLadder {

    /** Values each variant tries: percents, basis points and per-mille around the usual caps, then far beyond. */
    static final List<BigInteger> LADDER = java.util.stream.Stream.of("1", "10", "20", "25", "50", "100", "250",
            "500", "1000", "2500", "5000", "10000", "10001", "1000000", "1000000000000000000",
            BigInteger.ONE.shiftLeft(255).toString()).map(BigInteger::new).toList();
    /** Values tried inside a bracket, at most. */
    static final int REFINEMENT = 16;
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

        /** Whether settings between the two are still untried. */
        boolean open() {
            return refused != null && refused.subtract(accepted).compareTo(BigInteger.ONE) > 0;
        }

        /** Settings inside the bracket: all of them when few, otherwise {@link #REFINEMENT} evenly spaced. */
        List<BigInteger> inside() {
            if (!open()) {
                return List.of();
            }
            BigInteger gap = refused.subtract(accepted);
            if (gap.compareTo(BigInteger.valueOf(REFINEMENT + 1)) <= 0) {
                return IntStream.range(1, gap.intValueExact()).mapToObj(i -> accepted.add(BigInteger.valueOf(i)))
                        .toList();
            }
            BigInteger parts = BigInteger.valueOf(REFINEMENT + 1);
            return IntStream.rangeClosed(1, REFINEMENT)
                    .mapToObj(i -> accepted.add(gap.multiply(BigInteger.valueOf(i)).divide(parts))).distinct().toList();
        }
    }

    private TaxLadder() {
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

    /** The settings worth checking in a bracket: its top, and its top within a tax scale when that differs. */
    static List<BigInteger> toCheck(List<BigInteger> settings, List<Boolean> accepted) {
        BigInteger top = null;
        BigInteger topInScale = null;
        for (int i = 0; i < settings.size(); i++) {
            if (accepted.get(i)) {
                BigInteger setting = settings.get(i);
                top = top == null || setting.compareTo(top) > 0 ? setting : top;
                if (setting.compareTo(TAX_SCALE) <= 0 && (topInScale == null || setting.compareTo(topInScale) > 0)) {
                    topInScale = setting;
                }
            }
        }
        List<BigInteger> check = new ArrayList<>();
        if (top != null) {
            check.add(top);
        }
        if (topInScale != null && !topInScale.equals(top)) {
            check.add(topInScale);
        }
        return check;
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
     * A cap measured inside a bracket still open after refinement, scaled up to the last untried setting (taxes
     * grow with their setting), so an unresolved cap is never reported lower than it may be.
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
