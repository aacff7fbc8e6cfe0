package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.facts.CallResult;
import ai.kaizen.data.facts.ContractCall;
import ai.kaizen.data.facts.ContractReader;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import org.jspecify.annotations.Nullable;

/**
 * Finds a token's pools against the chain's wrapped native coin and configured stablecoins, on every configured
 * Uniswap-V2-style DEX, in two rounds:
 * <ol>
 * <li>{@code getPair(token, quote)} for every DEX and quote, {@code getPair(wrappedNative, stablecoin)} (the native
 * coin's on-chain price path) and the wrapped native's {@code decimals()} — one Multicall3 call, which can ride in the
 * collection's first round ({@link #discoveryCalls}, {@link #discovered}) instead of a round of its own;</li>
 * <li>one batch: each found pair's {@code getReserves()}, {@code token0()}, LP {@code totalSupply()}, LP balances of
 * 0x0, 0x…dEaD and every configured locker, and each locker's lock index for the pair; the price pairs' reserves.</li>
 * </ol>
 * One instance per collection; both steps are computed once and shared by every caller (liquidity, holders, trade
 * simulation), from any thread. Nothing throws for a node fault: {@link Pools#failure()} says what went wrong.
 */
public final class PoolFinder {

    /** Lock ids (or UNCX lock indexes) read per locker and pair; more are summarised, not itemised. */
    static final int MAX_LOCK_REFS = 20;
    private static final int NATIVE_DECIMALS_FALLBACK = 18;

    private final RpcSession session;
    private final Chain chain;
    private final EvmAddress token;
    private final String block;
    private final @Nullable Integer tokenDecimals;
    private final Object discoveryLock = new Object();
    private final Object poolsLock = new Object();
    private volatile @Nullable EvmAddress multicall;
    private @Nullable Discovery discovery;
    private @Nullable Pools pools;

    /**
     * @param block         block tag every read is pinned to ({@code 0x…} or {@code latest})
     * @param multicall     Multicall3 to batch calls through, or null for plain JSON-RPC batches
     * @param tokenDecimals the token's decimals, when known (prices per whole token need them)
     */
    public PoolFinder(RpcSession session, Chain chain, EvmAddress token, String block, @Nullable EvmAddress multicall,
                      @Nullable Integer tokenDecimals) {
        this.session = session;
        this.chain = chain;
        this.token = token;
        this.block = block;
        this.multicall = multicall;
        this.tokenDecimals = tokenDecimals;
    }

    public EvmAddress token() {
        return token;
    }

    /** The deepest non-empty pool (the one to trade through), if any. */
    public Optional<Pool> deepest() {
        return Optional.ofNullable(find().deepest());
    }

    /** The pair addresses that exist for the token (step 1 only: available before reserves are read). */
    public List<EvmAddress> pairAddresses() {
        return discover().candidates.stream().map(Candidate::pair).toList();
    }

    /** Every pool with reserves, LP state and USD values (both steps). */
    public Pools find() {
        synchronized (poolsLock) {
            if (pools == null) {
                pools = read(discover());
            }
            return pools;
        }
    }

    // ---- step 1: which pairs exist ----

    /** A pair of the token found on a factory. */
    record Candidate(Chain.Dex dex, EvmAddress pair, EvmAddress quote, String quoteSymbol, int quoteDecimals,
                     Pool.QuoteKind kind, Evidence evidence) {
    }

    /** A wrapped-native/stablecoin pair: the native coin's price path. */
    record Reference(Chain.Dex dex, EvmAddress pair, Chain.Stablecoin stablecoin) {
    }

    static final class Discovery {
        final List<Candidate> candidates = new ArrayList<>();
        final List<Reference> references = new ArrayList<>();
        final List<Evidence> evidence = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        int nativeDecimals = NATIVE_DECIMALS_FALLBACK;
        String nativeSymbol = "wrapped native";
        @Nullable String failure;
    }

    private record Quote(EvmAddress address, String symbol, int decimals, Pool.QuoteKind kind) {
    }

    Discovery discover() {
        synchronized (discoveryLock) {
            if (discovery == null) {
                Plan plan = plan(chain, token);
                if (plan.calls.isEmpty()) {
                    discovery = plan.decode(List.of());
                } else {
                    try {
                        discovery = plan.decode(read(plan.calls));
                    } catch (RpcException e) {
                        Discovery failed = plan.decode(List.of());
                        failed.failure = "the DEX factories could not be read: " + e.getMessage();
                        discovery = failed;
                    }
                }
            }
            return discovery;
        }
    }

    /**
     * Step 1's calls, so they can ride in a batch the caller sends anyway (the collection's first round) instead of
     * costing a round of their own; hand the results to {@link #discovered}. Empty when nothing can be discovered.
     */
    public static List<ContractCall> discoveryCalls(Chain chain, EvmAddress token) {
        return plan(chain, token).calls;
    }

    /** A pair step 1 found: the DEX (factory, router when configured), the quote token, the pair. */
    public record Found(EvmAddress factory, @Nullable EvmAddress router, EvmAddress quote, EvmAddress pair) {
    }

    /**
     * The pairs in the results of {@link #discoveryCalls} (same chain and token, same order), before any reserve is
     * read; empty when the factories could not be read.
     */
    public static List<Found> pairs(Chain chain, EvmAddress token, List<CallResult> results) {
        Plan plan = plan(chain, token);
        if (results.size() != plan.calls.size()) {
            return List.of();
        }
        Discovery found = plan.decode(results);
        if (found.failure != null) {
            return List.of();
        }
        return found.candidates.stream().map(c -> new Found(c.dex.factory(), c.dex.router(), c.quote, c.pair)).toList();
    }

    /** Step 1 from the results of {@link #discoveryCalls} (same chain and token, same order). */
    public void discovered(List<CallResult> results) {
        synchronized (discoveryLock) {
            Plan plan = plan(chain, token);
            if (results.size() != plan.calls.size()) {
                throw new IllegalArgumentException("expected " + plan.calls.size() + " results, got " + results.size());
            }
            discovery = plan.decode(results);
        }
    }

    /** Step 1 planned: the calls, what each means, and what cannot be discovered at all. */
    private static final class Plan {
        final List<ContractCall> calls = new ArrayList<>();
        final List<Object> meaning = new ArrayList<>();
        final List<String> notes = new ArrayList<>();

        Discovery decode(List<CallResult> results) {
            Discovery found = new Discovery();
            found.notes.addAll(notes);
            for (int i = 0; i < results.size(); i++) {
                CallResult result = results.get(i);
                Object what = meaning.get(i);
                if (result.nodeFailure()) {
                    found.failure = "the DEX factories could not be read: " + result.failure();
                    return found;
                }
                if ("symbol".equals(what)) {
                    String symbol = result.success() ? AbiWords.text(result.data()) : null;
                    if (symbol != null && !symbol.isBlank()) {
                        found.nativeSymbol = symbol;
                    }
                    continue;
                }
                if (what instanceof String) {
                    BigInteger decimals = result.success() ? AbiWords.uint(result.data(), 0, 8) : null;
                    if (decimals != null) {
                        found.nativeDecimals = decimals.intValue();
                    } else {
                        found.notes.add("the wrapped native's decimals() did not answer; assuming 18");
                    }
                    continue;
                }
                EvmAddress pair = result.success() ? AbiWords.address(result.data(), 0) : null;
                if (pair == null || pair.isZero()) {
                    continue;
                }
                found.evidence.add(result.evidence());
                if (what instanceof PlannedPair planned) {
                    found.candidates.add(new Candidate(planned.dex, pair, planned.quote.address, planned.quote.symbol,
                            planned.quote.decimals, planned.quote.kind, result.evidence()));
                } else if (what instanceof PlannedReference planned) {
                    found.references.add(new Reference(planned.dex, pair, planned.stablecoin));
                }
            }
            return found;
        }
    }

    private record PlannedPair(Chain.Dex dex, Quote quote) {
    }

    private record PlannedReference(Chain.Dex dex, Chain.Stablecoin stablecoin) {
    }

    private static Plan plan(Chain chain, EvmAddress token) {
        Plan plan = new Plan();
        EvmAddress wrappedNative = chain.wrappedNative();
        List<Quote> quotes = new ArrayList<>();
        if (wrappedNative != null && !wrappedNative.equals(token)) {
            quotes.add(new Quote(wrappedNative, "wrapped native", NATIVE_DECIMALS_FALLBACK, Pool.QuoteKind.WRAPPED_NATIVE));
        }
        for (Chain.Stablecoin coin : chain.stablecoins()) {
            if (!coin.address().equals(token)) {
                quotes.add(new Quote(coin.address(), coin.symbol(), coin.decimals(), Pool.QuoteKind.STABLECOIN));
            }
        }
        if (wrappedNative == null) {
            plan.notes.add("no wrapped native coin is configured for " + chain.name());
        }
        List<Chain.Dex> dexes = new ArrayList<>();
        for (Chain.Dex dex : chain.dexes()) {
            if (dex.kind().toLowerCase(Locale.ROOT).contains("v2")) {
                dexes.add(dex);
            } else {
                plan.notes.add(dex.name() + " (" + dex.kind() + ") pools are not read: only Uniswap-V2-style pairs are");
            }
        }
        if (dexes.isEmpty() || quotes.isEmpty()) {
            plan.notes.add(dexes.isEmpty() ? "no Uniswap-V2-style DEX is configured for " + chain.name()
                    : "no wrapped native or stablecoin is configured for " + chain.name());
            return plan;
        }
        for (Chain.Dex dex : dexes) {
            for (Quote quote : quotes) {
                plan.calls.add(new ContractCall(dex.factory(), AbiWords.call("getPair(address,address)", token,
                        quote.address), "getPair(token, " + quote.symbol + ") on " + dex.name()));
                plan.meaning.add(new PlannedPair(dex, quote));
            }
            if (wrappedNative != null) {
                for (Chain.Stablecoin coin : chain.stablecoins()) {
                    plan.calls.add(new ContractCall(dex.factory(), AbiWords.call("getPair(address,address)",
                            wrappedNative, coin.address()), "getPair(wrapped native, " + coin.symbol() + ") on "
                            + dex.name()));
                    plan.meaning.add(new PlannedReference(dex, coin));
                }
            }
        }
        if (wrappedNative != null) {
            plan.calls.add(new ContractCall(wrappedNative, AbiWords.call("decimals()"), "decimals() of the wrapped native"));
            plan.meaning.add("decimals");
            plan.calls.add(new ContractCall(wrappedNative, AbiWords.call("symbol()"), "symbol() of the wrapped native"));
            plan.meaning.add("symbol");
        }
        return plan;
    }

    // ---- step 2: reserves, LP state, prices ----

    private Pools read(Discovery found) {
        if (found.failure != null) {
            return new Pools(List.of(), null, null, null, List.copyOf(found.evidence), List.copyOf(found.notes),
                    found.failure);
        }
        List<ContractCall> calls = new ArrayList<>();
        for (Candidate candidate : found.candidates) {
            EvmAddress pair = candidate.pair;
            calls.add(new ContractCall(pair, AbiWords.call("getReserves()"), "getReserves()"));
            calls.add(new ContractCall(pair, AbiWords.call("token0()"), "token0()"));
            calls.add(new ContractCall(pair, AbiWords.call("totalSupply()"), "LP totalSupply()"));
            calls.add(new ContractCall(pair, AbiWords.call("balanceOf(address)", EvmAddress.ZERO), "LP balanceOf(0x0)"));
            calls.add(new ContractCall(pair, AbiWords.call("balanceOf(address)", EvmAddress.DEAD),
                    "LP balanceOf(0x…dEaD)"));
            for (Chain.Locker locker : chain.lockers()) {
                calls.add(new ContractCall(pair, AbiWords.call("balanceOf(address)", locker.address()),
                        "LP balanceOf(locker " + locker.name() + ")"));
                for (LockerInterfaces.Index index : LockerInterfaces.INDEXES) {
                    calls.add(new ContractCall(locker.address(), AbiWords.call(index.signature(), pair),
                            index.signature().replace("address", "pair") + " on " + locker.name()));
                }
            }
        }
        for (Reference reference : found.references) {
            calls.add(new ContractCall(reference.pair, AbiWords.call("getReserves()"), "getReserves()"));
            calls.add(new ContractCall(reference.pair, AbiWords.call("token0()"), "token0()"));
        }
        List<CallResult> results;
        try {
            results = calls.isEmpty() ? List.of() : read(calls);
        } catch (RpcException e) {
            return new Pools(List.of(), null, null, null, List.copyOf(found.evidence), List.copyOf(found.notes),
                    "the pools could not be read: " + e.getMessage());
        }
        String nodeFailure = results.stream().filter(CallResult::nodeFailure).map(CallResult::failure).findFirst()
                .orElse(null);
        if (nodeFailure != null) {
            return new Pools(List.of(), null, null, null, List.copyOf(found.evidence), List.copyOf(found.notes),
                    "the pools could not be read: " + nodeFailure);
        }
        List<Evidence> evidence = new ArrayList<>(found.evidence);
        List<String> notes = new ArrayList<>(found.notes);
        int at = 0;
        List<Pool> raw = new ArrayList<>();
        int perLocker = 1 + LockerInterfaces.INDEXES.size();
        for (Candidate candidate : found.candidates) {
            int width = 5 + perLocker * chain.lockers().size();
            List<CallResult> mine = results.subList(at, at + width);
            at += width;
            Pool pool = pool(candidate, mine, notes);
            if (pool != null) {
                raw.add(pool);
            }
        }
        // The native coin's USD price: the wrapped-native/stablecoin pool with the most stablecoin in it.
        BigDecimal nativeUsd = null;
        BigDecimal bestStable = BigDecimal.ZERO;
        String nativeSource = null;
        for (Reference reference : found.references) {
            CallResult reserves = results.get(at);
            CallResult token0 = results.get(at + 1);
            at += 2;
            BigInteger[] pair = reserves(reserves, token0, chain.wrappedNative(), reference.stablecoin.address());
            if (pair == null || pair[0].signum() == 0 || pair[1].signum() == 0) {
                continue;
            }
            BigDecimal stableSide = Shares.units(pair[1], reference.stablecoin.decimals());
            if (stableSide.compareTo(bestStable) > 0) {
                bestStable = stableSide;
                nativeUsd = Shares.unitPrice(pair[0], found.nativeDecimals, pair[1], reference.stablecoin.decimals(),
                        BigDecimal.ONE);
                nativeSource = reference.pair.toChecksum() + " (" + reference.dex.name() + " " + found.nativeSymbol
                        + "/" + reference.stablecoin.symbol() + ")";
                evidence.add(reserves.evidence());
                evidence.add(token0.evidence());
            }
        }
        if (nativeUsd == null && raw.stream().anyMatch(p -> p.quoteKind() == Pool.QuoteKind.WRAPPED_NATIVE)) {
            notes.add("no wrapped-native/stablecoin pool with liquidity prices the native coin: wrapped-native pools "
                    + "have no USD value");
        }
        return valued(raw, nativeUsd, found.nativeDecimals, found.nativeSymbol, nativeSource, evidence, notes);
    }

    private @Nullable Pool pool(Candidate candidate, List<CallResult> results, List<String> notes) {
        CallResult reserves = results.get(0);
        CallResult token0 = results.get(1);
        BigInteger[] sides = reserves(reserves, token0, token, candidate.quote);
        if (sides == null) {
            notes.add(candidate.pair.toChecksum() + " on " + candidate.dex.name()
                    + " does not answer like a Uniswap V2 pair of this token; ignored");
            return null;
        }
        EvmAddress first = AbiWords.address(token0.data(), 0);
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(candidate.evidence);
        evidence.add(reserves.evidence());
        evidence.add(token0.evidence());
        CallResult supply = results.get(2);
        CallResult zero = results.get(3);
        CallResult dead = results.get(4);
        evidence.add(supply.evidence());
        evidence.add(zero.evidence());
        evidence.add(dead.evidence());
        BigInteger totalSupply = supply.success() ? AbiWords.uint(supply.data(), 0, 256) : null;
        List<Pool.LockerHolding> holdings = new ArrayList<>();
        int at = 5;
        for (Chain.Locker locker : chain.lockers()) {
            CallResult balance = results.get(at);
            BigInteger held = balance.success() ? AbiWords.uint(balance.data(), 0, 256) : null;
            String interfaceName = null;
            List<BigInteger> refs = null;
            for (int i = 0; i < LockerInterfaces.INDEXES.size(); i++) {
                CallResult probe = results.get(at + 1 + i);
                List<BigInteger> answered = probe.success() ? LockerInterfaces.INDEXES.get(i).refs(probe.data()) : null;
                if (answered != null && interfaceName == null && held != null && held.signum() > 0) {
                    interfaceName = LockerInterfaces.INDEXES.get(i).name();
                    refs = answered;
                    evidence.add(probe.evidence());
                }
            }
            at += 1 + LockerInterfaces.INDEXES.size();
            if (held != null && held.signum() > 0) {
                evidence.add(balance.evidence());
                holdings.add(new Pool.LockerHolding(locker.address(), locker.name(), held, interfaceName, refs));
            }
        }
        Pool.LpState lp = new Pool.LpState(totalSupply, orZero(zero), orZero(dead), List.copyOf(holdings));
        return new Pool(candidate.dex.name(), candidate.dex.factory(), candidate.dex.router(), candidate.pair,
                candidate.quote, candidate.quoteSymbol, candidate.quoteDecimals, candidate.kind,
                token.equals(first), sides[0], sides[1], null, null, null, lp, List.copyOf(evidence));
    }

    /** Values every pool: quote prices, the token price from the deepest pool, both sides in USD. */
    private Pools valued(List<Pool> raw, @Nullable BigDecimal nativeUsd, int nativeDecimals, String nativeSymbol,
                         @Nullable String nativeSource, List<Evidence> evidence, List<String> notes) {
        List<Pool> priced = new ArrayList<>();
        for (Pool pool : raw) {
            BigDecimal quoteUsd = pool.quoteKind() == Pool.QuoteKind.STABLECOIN ? BigDecimal.ONE : nativeUsd;
            boolean isNative = pool.quoteKind() == Pool.QuoteKind.WRAPPED_NATIVE;
            int quoteDecimals = isNative ? nativeDecimals : pool.quoteDecimals();
            priced.add(new Pool(pool.dex(), pool.factory(), pool.router(), pool.pair(), pool.quote(),
                    isNative ? nativeSymbol : pool.quoteSymbol(),
                    quoteDecimals, pool.quoteKind(), pool.tokenIsToken0(), pool.tokenReserve(), pool.quoteReserve(),
                    quoteUsd, null, null, pool.lp(), pool.evidence()));
        }
        Pool deepest = priced.stream().filter(p -> !p.empty()).max(DEPTH).orElse(null);
        // USD per base unit of the token, from the deepest pool: values the token side of every pool alike.
        BigDecimal unitUsd = null;
        if (deepest != null && deepest.quoteSideUsd() != null) {
            unitUsd = deepest.quoteSideUsd().divide(new BigDecimal(deepest.tokenReserve()), java.math.MathContext.DECIMAL128);
        }
        List<Pool> valued = new ArrayList<>();
        for (Pool pool : priced) {
            BigDecimal price = null;
            if (tokenDecimals != null && pool.quoteUsd() != null && !pool.empty()) {
                price = Shares.unitPrice(pool.tokenReserve(), tokenDecimals, pool.quoteReserve(), pool.quoteDecimals(),
                        pool.quoteUsd());
            }
            BigDecimal liquidity = null;
            if (pool.quoteSideUsd() != null && unitUsd != null) {
                liquidity = pool.quoteSideUsd().add(new BigDecimal(pool.tokenReserve()).multiply(unitUsd));
            }
            valued.add(pool.withValuation(price, liquidity));
        }
        Pool deepestValued = deepest == null ? null
                : valued.stream().filter(p -> p.pair().equals(deepest.pair())).findFirst().orElse(null);
        return new Pools(List.copyOf(valued), deepestValued, nativeUsd, nativeSource, List.copyOf(evidence),
                List.copyOf(notes), null);
    }

    /** Deeper first: a known USD quote side beats an unknown one; then the larger quote side (USD, else raw). */
    static final Comparator<Pool> DEPTH = Comparator
            .comparing((Pool p) -> p.quoteSideUsd() != null)
            .thenComparing(p -> p.quoteSideUsd() != null ? p.quoteSideUsd() : new BigDecimal(p.quoteReserve()));

    /**
     * {@code [reserve of base, reserve of other]} from getReserves() and token0(); null when the answers are not
     * those of a pair of exactly these two tokens.
     */
    static BigInteger @Nullable [] reserves(CallResult reserves, CallResult token0, @Nullable EvmAddress base,
                                            EvmAddress other) {
        if (!reserves.success() || !token0.success() || base == null) {
            return null;
        }
        BigInteger reserve0 = AbiWords.uint(reserves.data(), 0, 112);
        BigInteger reserve1 = AbiWords.uint(reserves.data(), 1, 112);
        EvmAddress first = AbiWords.address(token0.data(), 0);
        if (reserve0 == null || reserve1 == null || AbiWords.uint(reserves.data(), 2, 32) == null || first == null) {
            return null;
        }
        if (first.equals(base)) {
            return new BigInteger[] {reserve0, reserve1};
        }
        if (first.equals(other)) {
            return new BigInteger[] {reserve1, reserve0};
        }
        return null;
    }

    private static BigInteger orZero(CallResult result) {
        BigInteger value = result.success() ? AbiWords.uint(result.data(), 0, 256) : null;
        return value == null ? BigInteger.ZERO : value;
    }

    /** One reader round: Multicall3 when usable, else plain calls (one extra round trip if Multicall3 proves broken). */
    List<CallResult> read(List<ContractCall> calls) throws RpcException {
        List<RpcReply> replies = session.batch(ContractReader.rpcCalls(calls, multicall, block));
        try {
            return ContractReader.results(calls, multicall, replies);
        } catch (ContractReader.MulticallUnusable unusable) {
            multicall = null;
            List<RpcCall> plain = ContractReader.rpcCalls(calls, null, block);
            try {
                return ContractReader.results(calls, null, session.batch(plain));
            } catch (ContractReader.MulticallUnusable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    @Nullable EvmAddress multicall() {
        return multicall;
    }

    String block() {
        return block;
    }

    RpcSession session() {
        return session;
    }

    Chain chain() {
        return chain;
    }
}
