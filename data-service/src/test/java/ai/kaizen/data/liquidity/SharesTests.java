package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SharesTests {

    private static BigInteger units(String whole, int decimals) {
        return new BigDecimal(whole).movePointRight(decimals).toBigIntegerExact();
    }

    @Test
    void basisPointsRoundHalfUpLikeTheManifest() {
        assertThat(Shares.bps(BigInteger.valueOf(1), BigInteger.valueOf(3))).isEqualTo(3333);
        assertThat(Shares.bps(BigInteger.valueOf(2), BigInteger.valueOf(3))).isEqualTo(6667);
        // 0.5 bp rounds up, as (part * 10000 + total / 2) / total does.
        assertThat(Shares.bps(BigInteger.valueOf(1), BigInteger.valueOf(20_000))).isEqualTo(1);
        assertThat(Shares.bps(BigInteger.valueOf(1), BigInteger.valueOf(20_001))).isZero();
        // Uniswap's 1,000 wei of minimum liquidity is burned but rounds to nothing of a large supply.
        assertThat(Shares.bps(BigInteger.valueOf(1000), new BigInteger("54772255750516611345696"))).isZero();
        assertThat(Shares.bps(BigInteger.TEN, BigInteger.ZERO)).isZero();
        assertThat(Shares.bps(BigInteger.TEN, BigInteger.ONE)).isEqualTo(10_000);
        assertThat(Shares.percent(2874)).isEqualByComparingTo("28.74");
    }

    @Test
    void usdValuesRespectEachTokensDecimals() {
        // 3,000,000 DUSD (6 decimals) against 1,000 WETH (18 decimals): 1 ETH = 3,000 USD.
        BigDecimal ethUsd = Shares.unitPrice(units("1000", 18), 18, units("3000000", 6), 6, BigDecimal.ONE);
        assertThat(ethUsd).isEqualByComparingTo("3000");
        // A 9-decimal token: 1e15 whole tokens against 10 WETH at 3,000 USD.
        BigDecimal price = Shares.unitPrice(units("1000000000000000", 9), 9, units("10", 18), 18, ethUsd);
        assertThat(price).isEqualByComparingTo("0.00000000003");
        assertThat(Shares.usd(units("10", 18), 18, ethUsd)).isEqualByComparingTo("30000");
        assertThat(Shares.usd(units("2.5", 6), 6, BigDecimal.ONE)).isEqualByComparingTo("2.5");
        assertThat(Shares.unitPrice(BigInteger.ZERO, 18, BigInteger.TEN, 18, BigDecimal.ONE)).isNull();
    }

    @Test
    void outputRoundingKeepsCentsAndAtMostEighteenPriceDecimals() {
        assertThat(Shares.money(new BigDecimal("152280.005"))).isEqualByComparingTo("152280.01");
        assertThat(Shares.money(new BigDecimal("1")).scale()).isEqualTo(2);
        assertThat(Shares.price(new BigDecimal("3.0E-11")).toPlainString()).isEqualTo("0.00000000003");
        assertThat(Shares.price(new BigDecimal("0.1234567890123456789")).toPlainString()).isEqualTo("0.123456789012345679");
        assertThat(Shares.price(new BigDecimal("3000.000")).toString()).isEqualTo("3000");
        assertThat(Shares.price(new BigDecimal("1E-20")).toString()).isEqualTo("0");
    }
}
