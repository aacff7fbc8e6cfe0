package ai.kaizen.data.simulation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Exact integer arithmetic for Uniswap V2 style pools and token taxes, as the contracts compute it (floor division),
 * so a simulated trade can be compared with the quote to the wei. Taxes are in basis points (1 % = 100).
 */
public final class TaxMath {

    public static final int BPS = 10_000;
    /** Uniswap V2's 0.3 % LP fee. */
    public static final int UNISWAP_V2_FEE_BPS = 30;

    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(BPS);

    private TaxMath() {
    }

    /** {@code UniswapV2Library.getAmountOut} with a fee in basis points. */
    public static BigInteger amountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        requirePositive(amountIn, "amountIn");
        requirePositive(reserveIn, "reserveIn");
        requirePositive(reserveOut, "reserveOut");
        BigInteger amountInWithFee = amountIn.multiply(BigInteger.valueOf(BPS - checkedBps(feeBps)));
        BigInteger numerator = amountInWithFee.multiply(reserveOut);
        BigInteger denominator = reserveIn.multiply(TEN_THOUSAND).add(amountInWithFee);
        return numerator.divide(denominator);
    }

    /** {@code UniswapV2Library.getAmountIn}: the smallest input that yields at least {@code amountOut}. */
    public static BigInteger amountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut, int feeBps) {
        requirePositive(amountOut, "amountOut");
        requirePositive(reserveIn, "reserveIn");
        if (reserveOut.compareTo(amountOut) <= 0) {
            throw new IllegalArgumentException("amountOut must be below reserveOut");
        }
        BigInteger numerator = reserveIn.multiply(amountOut).multiply(TEN_THOUSAND);
        BigInteger denominator = reserveOut.subtract(amountOut).multiply(BigInteger.valueOf(BPS - checkedBps(feeBps)));
        return numerator.divide(denominator).add(BigInteger.ONE);
    }

    /**
     * The share of {@code expected} that did not arrive, in basis points rounded half-up: 0 when at least the
     * expected amount arrived, 10 000 when nothing did.
     */
    public static int taxBps(BigInteger expected, BigInteger received) {
        requirePositive(expected, "expected");
        if (received.signum() < 0) {
            throw new IllegalArgumentException("received must not be negative");
        }
        if (received.compareTo(expected) >= 0) {
            return 0;
        }
        BigInteger missing = expected.subtract(received);
        return new BigDecimal(missing.multiply(TEN_THOUSAND))
                .divide(new BigDecimal(expected), 0, RoundingMode.HALF_UP).intValueExact();
    }

    /**
     * A sell's tax when only the output can be observed: the pool received {@code amountIn} minus a tax, and paid
     * {@code actualOut}. The effective input is the smallest one that buys {@code actualOut}; the tax is what is
     * missing from {@code amountIn}.
     */
    public static int impliedInputTaxBps(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut,
                                         BigInteger actualOut, int feeBps) {
        if (actualOut.signum() == 0) {
            return BPS;
        }
        BigInteger effectiveIn = amountIn(actualOut, reserveIn, reserveOut, feeBps);
        return taxBps(amountIn, effectiveIn.min(amountIn));
    }

    /** Basis points as a percentage with two decimals (1234 -> 12.34). */
    public static BigDecimal percent(int bps) {
        return BigDecimal.valueOf(bps, 2);
    }

    private static int checkedBps(int bps) {
        if (bps < 0 || bps >= BPS) {
            throw new IllegalArgumentException("fee must be 0..9999 basis points");
        }
        return bps;
    }

    private static void requirePositive(BigInteger value, String name) {
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
