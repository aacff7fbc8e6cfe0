package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * Shares and USD values, exact where the chain is exact. Shares are basis points (10 000 = 100 %) rounded half up,
 * as the devnet manifest computes them; percentages are basis points / 100 (two decimals). USD amounts are
 * {@link BigDecimal}s from integer reserves scaled by their decimals, so no precision is lost before the last step.
 */
public final class Shares {

    public static final int ALL = 10_000;
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(ALL);
    private static final MathContext MC = MathContext.DECIMAL128;

    private Shares() {
    }

    /** {@code part / total} in basis points, rounded half up; 0 when the total is 0. */
    public static int bps(BigInteger part, BigInteger total) {
        if (total.signum() <= 0) {
            return 0;
        }
        BigInteger clamped = part.max(BigInteger.ZERO).min(total);
        return clamped.multiply(TEN_THOUSAND).add(total.shiftRight(1)).divide(total).intValueExact();
    }

    /** Basis points as a percentage with two decimals (2874 → 28.74). */
    public static BigDecimal percent(int bps) {
        return BigDecimal.valueOf(bps, 2);
    }

    /** A raw amount in whole units: {@code raw / 10^decimals}. */
    public static BigDecimal units(BigInteger raw, int decimals) {
        return new BigDecimal(raw).movePointLeft(decimals);
    }

    /** The USD value of {@code raw} base units of a token worth {@code unitUsd} per whole unit. */
    public static BigDecimal usd(BigInteger raw, int decimals, BigDecimal unitUsd) {
        return units(raw, decimals).multiply(unitUsd, MC);
    }

    /**
     * The USD price of one whole base token from a pool's reserves: (quote reserve in whole units × quote price) /
     * (base reserve in whole units). Null when the base reserve is empty.
     */
    public static @Nullable BigDecimal unitPrice(BigInteger baseReserve, int baseDecimals, BigInteger quoteReserve,
                                                 int quoteDecimals, BigDecimal quoteUsd) {
        if (baseReserve.signum() <= 0) {
            return null;
        }
        return usd(quoteReserve, quoteDecimals, quoteUsd).divide(units(baseReserve, baseDecimals), MC);
    }

    /** A USD amount for output: two decimals. */
    public static BigDecimal money(BigDecimal usd) {
        return usd.setScale(2, RoundingMode.HALF_UP);
    }

    /** A unit price for output: at most 18 decimals (the time series' scale), no trailing zeros, no negative scale. */
    public static BigDecimal price(BigDecimal usd) {
        BigDecimal rounded = usd.setScale(18, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
