package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.facts.CallResult;
import ai.kaizen.data.facts.ContractCall;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.signals.Signal;
import org.jspecify.annotations.Nullable;

/**
 * Turns pools into the {@code liquidity} section: reads the lock terms of LP held by lockers (one round, only when a
 * locker holds LP), splits each pool's LP into burned / locked / unlocked, values it in USD, and derives the
 * {@code lp_burned}, {@code lp_locked} and {@code lp_unlocked} signals of the deepest pool.
 */
public final class LiquidityReport {

    /** The terms of the locks found for each pair, as read from the lockers. */
    public record LockTerms(Map<EvmAddress, List<ReadLock>> byPair, List<Evidence> evidence,
                            @Nullable String failure) {

        public static final LockTerms NONE = new LockTerms(Map.of(), List.of(), null);
    }

    /** One lock read from a locker (already checked to belong to the pair). */
    public record ReadLock(EvmAddress locker, LockerInterfaces.Lock lock, Evidence evidence) {
    }

    /** An account and the LP it holds (for the unlocked share's holders). */
    public record LpHolding(EvmAddress address, BigInteger balance) {
    }

    /** The section, its signals and its coverage entry. */
    public record Result(Liquidity liquidity, List<Signal> signals, Coverage coverage) {
    }

    private LiquidityReport() {
    }

    /** Step 3: the terms of every lock the lockers list for the pairs, in one round. */
    public static LockTerms readLocks(PoolFinder finder, Pools pools) {
        List<ContractCall> calls = new ArrayList<>();
        List<Object[]> meaning = new ArrayList<>();
        for (Pool pool : pools.pools()) {
            for (Pool.LockerHolding holding : pool.lp().lockers()) {
                if (holding.interfaceName() == null || holding.lockRefs() == null) {
                    continue;
                }
                for (BigInteger ref : holding.lockRefs().subList(0, Math.min(PoolFinder.MAX_LOCK_REFS,
                        holding.lockRefs().size()))) {
                    calls.add(new ContractCall(holding.locker(), LockerInterfaces.detailCall(holding.interfaceName(),
                            pool.pair(), ref), LockerInterfaces.detailLabel(holding.interfaceName(), ref) + " on "
                            + holding.name()));
                    meaning.add(new Object[] {pool.pair(), holding, ref});
                }
            }
        }
        if (calls.isEmpty()) {
            return LockTerms.NONE;
        }
        List<CallResult> results;
        try {
            results = finder.read(calls);
        } catch (RpcException e) {
            return new LockTerms(Map.of(), List.of(), "lock terms could not be read: " + e.getMessage());
        }
        Map<EvmAddress, List<ReadLock>> byPair = new LinkedHashMap<>();
        List<Evidence> evidence = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < results.size(); i++) {
            CallResult result = results.get(i);
            EvmAddress pair = (EvmAddress) meaning.get(i)[0];
            Pool.LockerHolding holding = (Pool.LockerHolding) meaning.get(i)[1];
            BigInteger ref = (BigInteger) meaning.get(i)[2];
            if (result.nodeFailure()) {
                failure = "lock terms could not be read: " + result.failure();
                continue;
            }
            LockerInterfaces.Lock lock = result.success()
                    ? LockerInterfaces.decode(holding.interfaceName(), pair, ref, result.data()) : null;
            if (lock != null) {
                evidence.add(result.evidence());
                byPair.computeIfAbsent(pair, p -> new ArrayList<>()).add(new ReadLock(holding.locker(), lock,
                        result.evidence()));
            }
        }
        return new LockTerms(byPair, evidence, failure);
    }

    /** One pool's LP split. */
    record Split(int burnedBps, int lockedBps, int unlockedBps, List<Liquidity.Lock> locks,
                 List<ReadLock> activeLocks, @Nullable String note) {
    }

    /**
     * Splits a pool's LP: burned = 0x0 + 0x…dEaD; locked = what lockers hold, minus locks already past their unlock
     * time (withdrawable now); unlocked = the rest. Each share is rounded to basis points half up, and unlocked is
     * what remains of 10 000, as the devnet manifest computes it.
     */
    static Split split(Pool pool, List<ReadLock> readLocks, @Nullable Long now) {
        Pool.LpState lp = pool.lp();
        BigInteger total = lp.totalSupply();
        if (total == null || total.signum() == 0) {
            return new Split(0, 0, 0, List.of(), List.of(), total == null
                    ? "the pair's totalSupply() did not answer: LP shares unknown" : "the LP token has no supply");
        }
        List<Liquidity.Lock> locks = new ArrayList<>();
        List<ReadLock> active = new ArrayList<>();
        BigInteger locked = BigInteger.ZERO;
        for (Pool.LockerHolding holding : lp.lockers()) {
            BigInteger inLocks = BigInteger.ZERO;
            for (ReadLock read : readLocks) {
                LockerInterfaces.Lock lock = read.lock();
                if (!read.locker().equals(holding.locker()) || lock.withdrawn() || lock.amount().signum() == 0) {
                    continue;
                }
                BigInteger amount = lock.amount().min(holding.balance().subtract(inLocks));
                if (amount.signum() <= 0) {
                    continue;
                }
                inLocks = inLocks.add(amount);
                boolean expired = now != null && lock.unlockTime() <= now;
                if (!expired) {
                    locked = locked.add(amount);
                    active.add(read);
                }
                locks.add(new Liquidity.Lock(holding.locker().toChecksum(), holding.name(),
                        lock.lockId() == null ? null : lock.lockId().toString(),
                        lock.owner() == null ? null : lock.owner().toChecksum(), amount.toString(),
                        Shares.percent(Shares.bps(amount, total)), lock.unlockTime(), expired,
                        expired ? "past its unlock time: the owner can withdraw it now (counted as unlocked)" : null));
            }
            BigInteger rest = holding.balance().subtract(inLocks);
            if (rest.signum() > 0) {
                locked = locked.add(rest);
                String why = holding.interfaceName() == null
                        ? "none of the known locker view functions (LiquidityLocker, UNCX, Team Finance) answered: "
                        + "counted as locked, unlock time unknown"
                        : "held by the locker beyond the locks that could be read: counted as locked, unlock time unknown";
                locks.add(new Liquidity.Lock(holding.locker().toChecksum(), holding.name(), null, null,
                        rest.toString(), Shares.percent(Shares.bps(rest, total)), null, false, why));
            }
        }
        int burnedBps = Shares.bps(lp.burned(), total);
        int lockedBps = Math.min(Shares.ALL - burnedBps, Shares.bps(locked, total));
        return new Split(burnedBps, lockedBps, Shares.ALL - burnedBps - lockedBps, List.copyOf(locks),
                List.copyOf(active), null);
    }

    /**
     * The section.
     *
     * @param now       the collection block's timestamp (seconds), for expired locks and the lock duration
     * @param lpHolders per pair, every account holding its LP (burn, zero, lockers and the pair excluded); null when
     *                  the pair logs could not be read completely
     */
    public static Result assemble(Pools pools, LockTerms terms, @Nullable Long now,
                                  @Nullable Map<EvmAddress, List<LpHolding>> lpHolders) {
        if (pools.failure() != null) {
            Liquidity empty = new Liquidity(false, null, null, null, BigDecimal.ZERO.setScale(2),
                    BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), null, null, null, null, List.of(),
                    pools.notes(), pools.evidence());
            return new Result(empty, List.of(), Coverage.failed("liquidity", pools.failure()));
        }
        List<String> notes = new ArrayList<>(pools.notes());
        if (terms.failure() != null) {
            notes.add(terms.failure());
        }
        List<Liquidity.Pair> pairs = new ArrayList<>();
        Map<EvmAddress, Split> splits = new LinkedHashMap<>();
        BigDecimal totalUsd = null;
        BigDecimal weight = BigDecimal.ZERO;
        BigDecimal burnedWeighted = BigDecimal.ZERO;
        BigDecimal lockedWeighted = BigDecimal.ZERO;
        Long earliestUnlock = null;
        for (Pool pool : pools.pools()) {
            Split split = split(pool, terms.byPair().getOrDefault(pool.pair(), List.of()), now);
            splits.put(pool.pair(), split);
            List<Liquidity.Holder> holders = null;
            if (lpHolders != null && pool.lp().totalSupply() != null) {
                holders = new ArrayList<>();
                for (LpHolding holding : lpHolders.getOrDefault(pool.pair(), List.of())) {
                    holders.add(new Liquidity.Holder(holding.address().toChecksum(),
                            Shares.percent(Shares.bps(holding.balance(), pool.lp().totalSupply()))));
                }
            }
            pairs.add(new Liquidity.Pair(pool.pair().toChecksum(), pool.dex(),
                    pool.router() == null ? null : pool.router().toChecksum(), pool.quote().toChecksum(),
                    pool.quoteSymbol(), new Liquidity.Reserves(pool.tokenReserve().toString(),
                    pool.quoteReserve().toString()), pool.priceUsd() == null ? null : Shares.price(pool.priceUsd()),
                    pool.liquidityUsd() == null ? null : Shares.money(pool.liquidityUsd()),
                    new Liquidity.Lp(pool.lp().totalSupply() == null ? null : pool.lp().totalSupply().toString(),
                            Shares.percent(split.burnedBps), Shares.percent(split.lockedBps),
                            Shares.percent(split.unlockedBps), split.locks, holders, split.note),
                    pool.evidence()));
            if (pool.liquidityUsd() != null) {
                totalUsd = totalUsd == null ? pool.liquidityUsd() : totalUsd.add(pool.liquidityUsd());
                if (split.note == null) {
                    weight = weight.add(pool.liquidityUsd());
                    burnedWeighted = burnedWeighted.add(pool.liquidityUsd().multiply(BigDecimal.valueOf(split.burnedBps)));
                    lockedWeighted = lockedWeighted.add(pool.liquidityUsd().multiply(BigDecimal.valueOf(split.lockedBps)));
                }
            }
            for (Liquidity.Lock lock : split.locks) {
                if (!lock.expired() && lock.unlockTime() != null && !pool.empty()) {
                    earliestUnlock = earliestUnlock == null ? lock.unlockTime() : Math.min(earliestUnlock, lock.unlockTime());
                }
            }
        }
        if (totalUsd != null && pools.pools().stream().anyMatch(p -> p.liquidityUsd() == null)) {
            notes.add("totalUSD leaves out pools that could not be valued");
        }
        Pool deepest = pools.deepest();
        int burnedBps;
        int lockedBps;
        if (weight.signum() > 0) {
            burnedBps = burnedWeighted.divide(weight, 0, RoundingMode.HALF_UP).intValueExact();
            lockedBps = Math.min(Shares.ALL - burnedBps, lockedWeighted.divide(weight, 0, RoundingMode.HALF_UP)
                    .intValueExact());
        } else if (deepest != null) {
            burnedBps = splits.get(deepest.pair()).burnedBps;
            lockedBps = splits.get(deepest.pair()).lockedBps;
        } else {
            burnedBps = 0;
            lockedBps = 0;
        }
        int unlockedBps = pools.pools().isEmpty() ? 0 : Shares.ALL - burnedBps - lockedBps;
        Long lockDuration = earliestUnlock == null || now == null ? null : Math.max(0, earliestUnlock - now);
        Liquidity liquidity = new Liquidity(lockedBps > 0, lockDuration, earliestUnlock,
                totalUsd == null ? null : Shares.money(totalUsd), Shares.percent(burnedBps), Shares.percent(lockedBps),
                Shares.percent(unlockedBps), deepest == null ? null : deepest.pair().toChecksum(),
                deepest == null || deepest.priceUsd() == null ? null : Shares.price(deepest.priceUsd()),
                pools.nativeUsd() == null ? null : Shares.price(pools.nativeUsd()), pools.nativeUsdSource(),
                List.copyOf(pairs), List.copyOf(notes), pools.evidence());

        List<Signal> signals = deepest == null ? List.of()
                : signals(deepest, splits.get(deepest.pair()), lpHolders == null ? null
                        : lpHolders.getOrDefault(deepest.pair(), List.of()));
        Coverage coverage;
        if (pools.pools().isEmpty()) {
            coverage = Coverage.ran("liquidity", "no pool against wrapped native or configured stablecoins"
                    + (notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")"));
        } else if (deepest == null) {
            coverage = Coverage.ran("liquidity", "every pool is empty" + (notes.isEmpty() ? ""
                    : " (" + String.join("; ", notes) + ")"));
        } else {
            coverage = notes.isEmpty() ? Coverage.ran("liquidity") : Coverage.ran("liquidity", String.join("; ", notes));
        }
        return new Result(liquidity, signals, coverage);
    }

    /** lp_burned, lp_locked (one per lock) and lp_unlocked of the deepest pool, with the manifest's parameters. */
    static List<Signal> signals(Pool pool, Split split, @Nullable List<LpHolding> holders) {
        if (split.note != null) {
            return List.of();
        }
        List<Evidence> lpEvidence = pool.evidence().stream()
                .filter(e -> e.detail() != null && e.detail().startsWith("LP ")).toList();
        List<Signal> signals = new ArrayList<>();
        if (split.burnedBps > 0) {
            signals.add(new Signal("lp_burned", "economic", Map.of("percent_bps", split.burnedBps), lpEvidence));
        }
        BigInteger total = pool.lp().totalSupply();
        for (ReadLock read : split.activeLocks) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("percent_bps", Shares.bps(read.lock().amount(), total));
            params.put("locker", read.locker().toChecksum());
            if (read.lock().lockId() != null) {
                params.put("lock_id", read.lock().lockId());
            }
            params.put("unlock_time", read.lock().unlockTime());
            List<Evidence> evidence = new ArrayList<>(lpEvidence);
            evidence.add(read.evidence());
            signals.add(new Signal("lp_locked", "economic", params, evidence));
        }
        for (Liquidity.Lock lock : split.locks) {
            if (lock.unlockTime() == null && !lock.expired()) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("percent_bps", lock.percent().movePointRight(2).intValueExact());
                params.put("locker", lock.locker());
                signals.add(new Signal("lp_locked", "economic", params, List.of(new Evidence("call", lock.locker(),
                        null, lock.amount(), lock.note()))));
            }
        }
        if (split.unlockedBps > 0) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("percent_bps", split.unlockedBps);
            params.put("holders", holders == null ? List.of()
                    : holders.stream().map(h -> h.address().toChecksum()).toList());
            List<Evidence> evidence = new ArrayList<>(lpEvidence);
            if (holders == null) {
                evidence.add(new Evidence("rpc", pool.pair().toChecksum(), "eth_getLogs", null,
                        "the pair's Transfer logs could not be read completely: holders of the unlocked LP unknown"));
            }
            signals.add(new Signal("lp_unlocked", "economic", params, evidence));
        }
        return signals;
    }
}
