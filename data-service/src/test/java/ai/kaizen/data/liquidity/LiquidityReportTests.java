package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.signals.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LiquidityReportTests {

    static final EvmAddress PAIR = EvmAddress.parse("0x00000000000000000000000000000000000000a1");
    static final EvmAddress PAIR2 = EvmAddress.parse("0x00000000000000000000000000000000000000a2");
    static final EvmAddress LOCKER = EvmAddress.parse("0x00000000000000000000000000000000000000b1");
    static final EvmAddress OTHER_LOCKER = EvmAddress.parse("0x00000000000000000000000000000000000000b2");
    static final EvmAddress DEV = EvmAddress.parse("0x00000000000000000000000000000000000000c1");
    static final EvmAddress WETH = EvmAddress.parse("0x00000000000000000000000000000000000000d1");
    static final BigInteger SUPPLY = BigInteger.valueOf(1_000_000);
    static final long NOW = 1_800_000_000L;

    static Pool pool(EvmAddress pair, BigInteger zero, BigInteger dead, List<Pool.LockerHolding> lockers,
                     BigDecimal liquidityUsd) {
        return new Pool("Uniswap V2", WETH, null, pair, WETH, "WETH", 18, Pool.QuoteKind.WRAPPED_NATIVE, true,
                BigInteger.TEN, BigInteger.TEN, BigDecimal.ONE, BigDecimal.ONE, liquidityUsd,
                new Pool.LpState(SUPPLY, zero, dead, lockers), List.of(new Evidence("call", pair.toChecksum(),
                "0x18160ddd", "0x", "LP totalSupply()")));
    }

    static LiquidityReport.ReadLock lock(EvmAddress locker, long id, long amount, long unlock) {
        return new LiquidityReport.ReadLock(locker, new LockerInterfaces.Lock(BigInteger.valueOf(id), DEV,
                BigInteger.valueOf(amount), unlock, false), new Evidence("call", locker.toChecksum(), null, null, "getLock"));
    }

    @Test
    void lpSplitsIntoBurnedLockedAndUnlockedShares() {
        Pool pool = pool(PAIR, BigInteger.valueOf(1000), BigInteger.valueOf(499_000), List.of(
                new Pool.LockerHolding(LOCKER, "locker", BigInteger.valueOf(300_000), "LiquidityLocker",
                        List.of(BigInteger.ONE))), BigDecimal.TEN);
        LiquidityReport.Split split = LiquidityReport.split(pool, List.of(lock(LOCKER, 1, 300_000, NOW + 3600)), NOW);
        assertThat(split.burnedBps()).isEqualTo(5000);
        assertThat(split.lockedBps()).isEqualTo(3000);
        assertThat(split.unlockedBps()).isEqualTo(2000);
        assertThat(split.locks()).singleElement().satisfies(l -> {
            assertThat(l.unlockTime()).isEqualTo(NOW + 3600);
            assertThat(l.lockId()).isEqualTo("1");
            assertThat(l.percent()).isEqualByComparingTo("30");
            assertThat(l.expired()).isFalse();
        });
    }

    @Test
    void anExpiredLockIsUnlockedAndUnreadableLockerTermsAreLockedWithUnknownTime() {
        Pool pool = pool(PAIR, BigInteger.ZERO, BigInteger.ZERO, List.of(
                new Pool.LockerHolding(LOCKER, "timelock", BigInteger.valueOf(400_000), "LiquidityLocker",
                        List.of(BigInteger.ONE, BigInteger.TWO)),
                new Pool.LockerHolding(OTHER_LOCKER, "PinkLock", BigInteger.valueOf(100_000), null, null)),
                BigDecimal.TEN);
        LiquidityReport.Split split = LiquidityReport.split(pool, List.of(lock(LOCKER, 1, 250_000, NOW - 1),
                lock(LOCKER, 2, 150_000, NOW + 86_400)), NOW);
        // 250,000 past its unlock time is withdrawable now; 150,000 locked; PinkLock's 100,000 locked, time unknown.
        assertThat(split.lockedBps()).isEqualTo(2500);
        assertThat(split.unlockedBps()).isEqualTo(7500);
        assertThat(split.locks()).hasSize(3);
        assertThat(split.locks().get(0).expired()).isTrue();
        assertThat(split.locks().get(2).unlockTime()).isNull();
        assertThat(split.locks().get(2).note()).contains("unlock time unknown");
    }

    @Test
    void aLockerHoldingMoreThanItsReadableLocksCountsTheRestAsLocked() {
        Pool pool = pool(PAIR, BigInteger.ZERO, BigInteger.ZERO, List.of(new Pool.LockerHolding(LOCKER, "locker",
                BigInteger.valueOf(500_000), "UNCX", List.of(BigInteger.ZERO))), BigDecimal.TEN);
        LiquidityReport.Split split = LiquidityReport.split(pool, List.of(lock(LOCKER, 7, 200_000, NOW + 10)), NOW);
        assertThat(split.lockedBps()).isEqualTo(5000);
        assertThat(split.locks()).extracting(Liquidity.Lock::amount).containsExactly("200000", "300000");
    }

    @Test
    void topLevelSharesAreWeightedByEachPoolsUsdLiquidity() {
        Pool burned = pool(PAIR, BigInteger.ZERO, SUPPLY, List.of(), new BigDecimal("300"));
        Pool open = pool(PAIR2, BigInteger.ZERO, BigInteger.ZERO, List.of(), new BigDecimal("100"));
        Pools pools = new Pools(List.of(burned, open), burned, new BigDecimal("3000"), "pool", List.of(), List.of(), null);
        LiquidityReport.Result result = LiquidityReport.assemble(pools, LiquidityReport.LockTerms.NONE, NOW, null);
        assertThat(result.liquidity().burnedPercent()).isEqualByComparingTo("75");
        assertThat(result.liquidity().unlockedPercent()).isEqualByComparingTo("25");
        assertThat(result.liquidity().totalUSD()).isEqualByComparingTo("400");
        assertThat(result.liquidity().locked()).isFalse();
        // Signals come from the deepest pool only: 100 % burned there.
        assertThat(result.signals()).extracting(Signal::code).containsExactly("lp_burned");
        assertThat(result.signals().getFirst().params()).isEqualTo(Map.of("percent_bps", 10_000));
        assertThat(result.coverage().status()).isEqualTo("ran");
    }

    @Test
    void lockSignalsCarryTheManifestsParametersAndTheLockDurationRunsToTheEarliestUnlock() {
        Pool pool = pool(PAIR, BigInteger.ZERO, BigInteger.ZERO, List.of(new Pool.LockerHolding(LOCKER,
                "locker", BigInteger.valueOf(800_000), "LiquidityLocker", List.of(BigInteger.valueOf(3)))),
                BigDecimal.TEN);
        Pools pools = new Pools(List.of(pool), pool, BigDecimal.ONE, "pool", List.of(), List.of(), null);
        LiquidityReport.LockTerms terms = new LiquidityReport.LockTerms(Map.of(PAIR, List.of(lock(LOCKER, 3, 800_000,
                NOW + 7200))), List.of(), null);
        LiquidityReport.Result result = LiquidityReport.assemble(pools, terms, NOW, Map.of(PAIR,
                List.of(new LiquidityReport.LpHolding(DEV, BigInteger.valueOf(199_000)))));
        assertThat(result.liquidity().lockDuration()).isEqualTo(7200);
        assertThat(result.liquidity().unlockTime()).isEqualTo(NOW + 7200);
        assertThat(result.liquidity().locked()).isTrue();
        assertThat(result.signals()).extracting(Signal::code).containsExactly("lp_locked", "lp_unlocked");
        assertThat(result.signals().get(0).params()).containsEntry("percent_bps", 8000)
                .containsEntry("locker", LOCKER.toChecksum()).containsEntry("lock_id", BigInteger.valueOf(3))
                .containsEntry("unlock_time", NOW + 7200);
        assertThat(result.signals().get(1).params()).containsEntry("percent_bps", 2000)
                .containsEntry("holders", List.of(DEV.toChecksum()));
        assertThat(result.liquidity().pairs().getFirst().lp().unlockedHolders())
                .containsExactly(new Liquidity.Holder(DEV.toChecksum(), new BigDecimal("19.90")));
    }

    @Test
    void noPoolIsALiquidityCheckThatRanAndSaysSo() {
        Pools none = new Pools(List.of(), null, null, null, List.of(), List.of(), null);
        LiquidityReport.Result result = LiquidityReport.assemble(none, LiquidityReport.LockTerms.NONE, NOW, Map.of());
        assertThat(result.coverage().status()).isEqualTo("ran");
        assertThat(result.coverage().reason()).startsWith("no pool against wrapped native or configured stablecoins");
        assertThat(result.liquidity().pairs()).isEmpty();
        assertThat(result.liquidity().totalUSD()).isNull();
        assertThat(result.signals()).isEmpty();

        Pools failed = new Pools(List.of(), null, null, null, List.of(), List.of(), "the pools could not be read: 429");
        assertThat(LiquidityReport.assemble(failed, LiquidityReport.LockTerms.NONE, NOW, null).coverage().status())
                .isEqualTo("failed");
    }
}
