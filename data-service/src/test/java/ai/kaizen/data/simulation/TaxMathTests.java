package ai.kaizen.data.simulation;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxMathTests {

    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    @Test
    void amountOutMatchesUniswapV2() {
        // 1 ETH into a 100 ETH / 200,000 token pool: 997*200000e18*1e18 / (100e18*1000 + 997e18) floored.
        BigInteger out = TaxMath.amountOut(ETHER, ETHER.multiply(BigInteger.valueOf(100)),
                ETHER.multiply(BigInteger.valueOf(200_000)), TaxMath.UNISWAP_V2_FEE_BPS);
        BigInteger expected = BigInteger.valueOf(997).multiply(ETHER).multiply(ETHER.multiply(BigInteger.valueOf(200_000)))
                .divide(ETHER.multiply(BigInteger.valueOf(100_000)).add(BigInteger.valueOf(997).multiply(ETHER)));
        assertThat(out).isEqualTo(expected);
        assertThat(out).isEqualTo(new BigInteger("1974316068794122597700"));
    }

    @Test
    void amountInIsTheSmallestInputThatBuysTheOutput() {
        BigInteger reserveIn = ETHER.multiply(BigInteger.valueOf(50));
        BigInteger reserveOut = ETHER.multiply(BigInteger.valueOf(1_000_000));
        BigInteger want = ETHER.multiply(BigInteger.valueOf(1234));
        BigInteger in = TaxMath.amountIn(want, reserveIn, reserveOut, 30);
        assertThat(TaxMath.amountOut(in, reserveIn, reserveOut, 30)).isGreaterThanOrEqualTo(want);
        assertThat(TaxMath.amountOut(in.subtract(BigInteger.ONE), reserveIn, reserveOut, 30)).isLessThan(want);
    }

    @Test
    void taxIsTheMissingShareInBasisPoints() {
        assertThat(TaxMath.taxBps(BigInteger.valueOf(1000), BigInteger.valueOf(950))).isEqualTo(500);
        assertThat(TaxMath.taxBps(BigInteger.valueOf(1000), BigInteger.valueOf(1000))).isZero();
        assertThat(TaxMath.taxBps(BigInteger.valueOf(1000), BigInteger.valueOf(1200))).isZero();
        assertThat(TaxMath.taxBps(BigInteger.valueOf(1000), BigInteger.ZERO)).isEqualTo(10_000);
        assertThat(TaxMath.taxBps(BigInteger.valueOf(3), BigInteger.valueOf(2))).isEqualTo(3333);
        assertThat(TaxMath.taxBps(BigInteger.valueOf(20_000), BigInteger.valueOf(19_999))).isEqualTo(1); // 0.5 bps rounds up
        assertThat(TaxMath.percent(1234)).isEqualTo(new BigDecimal("12.34"));
    }

    @Test
    void aSellTaxIsRecoveredFromTheOutputAlone() {
        BigInteger reserveToken = ETHER.multiply(BigInteger.valueOf(1_000_000));
        BigInteger reserveEth = ETHER.multiply(BigInteger.valueOf(100));
        BigInteger sold = ETHER.multiply(BigInteger.valueOf(10_000));
        // A 12% transfer tax: the pool receives 88% of what was sold.
        BigInteger received = sold.multiply(BigInteger.valueOf(88)).divide(BigInteger.valueOf(100));
        BigInteger ethOut = TaxMath.amountOut(received, reserveToken, reserveEth, 30);
        assertThat(TaxMath.impliedInputTaxBps(sold, reserveToken, reserveEth, ethOut, 30)).isEqualTo(1200);
        BigInteger untaxedOut = TaxMath.amountOut(sold, reserveToken, reserveEth, 30);
        assertThat(TaxMath.impliedInputTaxBps(sold, reserveToken, reserveEth, untaxedOut, 30)).isZero();
        assertThat(TaxMath.impliedInputTaxBps(sold, reserveToken, reserveEth, BigInteger.ZERO, 30)).isEqualTo(10_000);
    }

    @Test
    void nonsenseInputsAreRefused() {
        assertThatThrownBy(() -> TaxMath.amountOut(BigInteger.ZERO, ETHER, ETHER, 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxMath.amountOut(ETHER, ETHER, ETHER, 10_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxMath.amountIn(ETHER, ETHER, ETHER, 30)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxMath.taxBps(BigInteger.ZERO, BigInteger.ONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
