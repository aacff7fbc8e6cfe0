package ai.kaizen.data.signals;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.BytecodeReport;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.Depth;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.facts.TokenFacts;
import ai.kaizen.data.liquidity.Pool;
import ai.kaizen.data.liquidity.PoolFinder;
import ai.kaizen.data.privileges.AddressScan;
import ai.kaizen.data.privileges.BalanceSlots;
import ai.kaizen.data.privileges.Callers;
import ai.kaizen.data.privileges.PrivilegeProber;
import ai.kaizen.data.privileges.PrivilegeReport;
import ai.kaizen.data.privileges.ProbeWallets;
import ai.kaizen.data.privileges.RpcRounds;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import ai.kaizen.data.simulation.ProbeAbi;
import ai.kaizen.data.simulation.ProbeLayout;
import ai.kaizen.data.simulation.SimulationReport;
import ai.kaizen.data.simulation.TradeSimulator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trade simulation, privilege probing and signals for one token, fitted around the facts collector's rounds:
 * {@link #begin} starts what needs only the token's address (the whole trade timeline, the limit search, the
 * balance-slot probe, the token's code and storage words) in parallel with the facts' first round;
 * {@link #finish} takes the facts (owner, roles, proxy admin, creator, selectors) and probes privileges in two to
 * four more rounds.
 *
 * <p>Where the pools come from: one discovery for the whole collection. The pairs PoolFinder's getPair calls found in
 * the first facts round ({@link Pending#poolsDiscovered}) are the only routes the probe is given, so the simulation
 * still runs in the second round, beside the address-only work. PoolFinder then reads their reserves in that same
 * round and picks the deepest by quote-side USD ({@link Pending#usePools}); the simulated pool is checked against it
 * and, only when the probe's in-EVM pick (largest token reserve) differs, the trades are simulated once more through
 * PoolFinder's pool (one more round, in that case alone). Waiting for the reserves before the first simulation would
 * put the longest round of the collection after them: a sequential round trip on every token.
 */
@Component
public class BehaviourCollector {

    private static final Logger log = LoggerFactory.getLogger(BehaviourCollector.class);
    private static final Duration PREFLIGHT_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_CALLERS = 7;

    private final RpcProperties rpcProperties;
    private final Clock clock;

    public BehaviourCollector(RpcProperties rpcProperties, Optional<Clock> clock) {
        this.rpcProperties = rpcProperties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** What the first round started, to be finished with the facts. Close it if {@link #finish} is not called. */
    public final class Pending implements AutoCloseable {
        final Chain chain;
        final EvmAddress token;
        final Depth depth;
        /** Every configured DEX and quote token: what the probe searches when it is not given a pool. */
        final ProbeAbi.Routes routes;
        final RpcRounds rounds;
        final ExecutorService executor;
        final List<String> selectors;
        /** The pairs of the collection's pool discovery ({@link #poolsDiscovered}). */
        final CompletableFuture<List<PoolFinder.Found>> discovered = new CompletableFuture<>();
        /** The collection's PoolFinder ({@link #usePools}); null: nobody reads reserves, the probe's pick stands. */
        final CompletableFuture<@Nullable PoolFinder> pools = new CompletableFuture<>();
        final @Nullable CompletableFuture<Route> route;
        final @Nullable Future<Preflight> preflight;
        final @Nullable CompletableFuture<Simulated> simulation;

        Pending(Chain chain, EvmAddress token, Depth depth, RpcSession session, List<String> selectors) {
            this.chain = chain;
            this.token = token;
            this.depth = depth;
            this.selectors = List.copyOf(selectors);
            this.routes = routes(chain);
            this.executor = Executors.newVirtualThreadPerTaskExecutor();
            this.rounds = new RpcRounds(session, rpcProperties.maxBatchSize(), executor);
            boolean simulated = depth != Depth.QUICK;
            this.preflight = simulated ? executor.submit(this::preflight) : null;
            this.route = simulated ? discovered.thenApply(this::route) : null;
            this.simulation = route == null ? null : route.thenApplyAsync(this::simulate, executor);
        }

        /**
         * The pairs the collection's pool discovery found (PoolFinder's getPair calls of the first round); empty when
         * it found none or could not run: the probe then searches every configured DEX and quote itself.
         */
        public void poolsDiscovered(List<PoolFinder.Found> pairs) {
            discovered.complete(List.copyOf(pairs));
        }

        /** The collection's PoolFinder (reserves and the deepest pool), or null when there is none. */
        public void usePools(@Nullable PoolFinder finder) {
            pools.complete(finder);
        }

        /** The discovered pairs' DEXes and quotes, and the pairs themselves; every route when none is usable. */
        private Route route(List<PoolFinder.Found> pairs) {
            List<EvmAddress> routers = new ArrayList<>();
            List<EvmAddress> factories = new ArrayList<>();
            List<EvmAddress> quotes = new ArrayList<>();
            List<EvmAddress> found = new ArrayList<>();
            for (PoolFinder.Found pair : pairs) {
                found.add(pair.pair());
                int index = routes.routers().indexOf(pair.router());
                if (pair.router() == null || index < 0 || !routes.factories().get(index).equals(pair.factory())) {
                    continue;
                }
                if (!routers.contains(pair.router())) {
                    routers.add(pair.router());
                    factories.add(pair.factory());
                }
                if (!quotes.contains(pair.quote())) {
                    quotes.add(pair.quote());
                }
            }
            return new Route(routers.isEmpty() ? routes : new ProbeAbi.Routes(routers, factories, quotes),
                    List.copyOf(found));
        }

        /**
         * The trade timeline and the limit search through the discovered pairs; again through PoolFinder's deepest
         * pool when the probe traded elsewhere.
         */
        private Simulated simulate(Route route) {
            if (route.routes().isEmpty()) {
                return new Simulated(null, route.routes(), null);
            }
            TradeSimulator.Raw raw = simulate(route.routes());
            Pool deepest = deepest();
            if (deepest == null) {
                return new Simulated(raw, route.routes(), null);
            }
            EvmAddress traded = raw.pair();
            if (deepest.pair().equals(traded)) {
                return new Simulated(raw, route.routes(), deepest.pair());
            }
            int index = deepest.router() == null ? -1 : routes.routers().indexOf(deepest.router());
            if (index < 0 || !routes.factories().get(index).equals(deepest.factory())) {
                return new Simulated(raw, route.routes(), null);
            }
            ProbeAbi.Routes only = new ProbeAbi.Routes(List.of(deepest.router()), List.of(deepest.factory()),
                    List.of(deepest.quote()));
            TradeSimulator.Raw again = simulate(only);
            // The deepest pool may not be tradable from the wrapped native coin (no hop pool): keep the probe's pick.
            return deepest.pair().equals(again.pair()) ? new Simulated(again, only, deepest.pair())
                    : new Simulated(raw, route.routes(), null);
        }

        private @Nullable Pool deepest() {
            try {
                PoolFinder finder = pools.get(PREFLIGHT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                return finder == null ? null : finder.deepest().orElse(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | TimeoutException e) {
                return null;
            }
        }

        private TradeSimulator.Raw simulate(ProbeAbi.Routes through) {
            List<RpcReply> replies = rounds.round(List.of(
                    TradeSimulator.simulate(token, through, clock.instant().getEpochSecond()),
                    TradeSimulator.limits(token, through)));
            TradeSimulator.Raw raw = TradeSimulator.fromSimulate(replies.get(0), replies.get(1));
            if (raw.start() == null) {
                // No eth_simulateV1 (or it refused the request): the first block alone, as an eth_call.
                List<RpcReply> fallback = rounds.round(List.of(TradeSimulator.startOnly(token, through)));
                TradeSimulator.Raw single = TradeSimulator.fromCall(fallback.getFirst(), replies.get(1));
                if (single.start() != null || raw.failure() == null) {
                    raw = single;
                }
            }
            return raw;
        }

        /** What needs only the token's address: getters, the balance slot, code and storage words. */
        private Preflight preflight() {
            List<RpcCall> calls = new ArrayList<>();
            PrivilegeProber.ViewFilter viewFilter = selectors.isEmpty() ? null
                    : PrivilegeProber.viewFilter(token, selectors);
            int viewsAt = calls.size();
            if (viewFilter != null) {
                calls.add(viewFilter.call());
            }
            int slotAt = calls.size();
            calls.add(BalanceSlots.probe(token, ProbeWallets.VICTIM));
            calls.add(RpcCall.of("eth_getCode", token.toLowerHex(), "latest"));
            for (int slot = 0; slot < AddressScan.SLOTS; slot++) {
                calls.add(RpcCall.of("eth_getStorageAt", token.toLowerHex(), Hex.quantity(slot), "latest"));
            }
            List<RpcReply> replies = rounds.round(calls);
            BalanceSlots.Slot slot = BalanceSlots.found(replies.get(slotAt));
            byte[] code = new byte[0];
            try {
                code = Hex.bytes(replies.get(slotAt + 1).hexOrThrow());
            } catch (RpcException e) {
                log.debug("eth_getCode of {} failed: {}", token, e.getMessage());
            }
            List<byte[]> words = new ArrayList<>();
            for (int i = 0; i < AddressScan.SLOTS; i++) {
                try {
                    words.add(Hex.bytes(replies.get(slotAt + 2 + i).hexOrThrow()));
                } catch (RpcException e) {
                    words.add(new byte[0]);
                }
            }
            Set<String> views = viewFilter == null ? Set.of() : viewFilter.views(replies.get(viewsAt));
            return new Preflight(slot, code, words, views);
        }

        @Override
        public void close() {
            discovered.complete(List.of());
            pools.complete(null);
            executor.shutdownNow();
        }
    }

    record Preflight(BalanceSlots.@Nullable Slot slot, byte[] code, List<byte[]> storage, Set<String> views) {
    }

    /** The routes given to the probe, and every pair of the token the discovery found (all of them are pools). */
    record Route(ProbeAbi.Routes routes, List<EvmAddress> pairs) {
    }

    /**
     * The simulation's replies (null when no DEX is configured), the routes it went through, and PoolFinder's deepest
     * pool when the trades went through it (null when PoolFinder had none or the probe could not trade through it).
     */
    record Simulated(TradeSimulator.@Nullable Raw raw, ProbeAbi.Routes routes, @Nullable EvmAddress deepest) {
    }

    /** What the facts know when the behaviour checks resume. */
    public record Context(TokenFacts.@Nullable Token token, @Nullable BytecodeReport bytecode,
                          TokenFacts.@Nullable Proxy proxy, TokenFacts.@Nullable Ownership ownership,
                          TokenFacts.@Nullable Creator creator) {
    }

    /** The sections and coverage entries for the facts response. */
    public record Outcome(@Nullable SimulationReport simulation, @Nullable PrivilegeReport privileges,
                          List<Signal> signals, Coverage simulationCoverage, Coverage privilegesCoverage,
                          int rounds) {
    }

    /**
     * Starts the address-only work when the depth includes simulation (standard, comprehensive). {@code selectors}
     * are the token's own dispatcher selectors (their getters are found in the same round and never traced).
     */
    public Pending begin(Chain chain, EvmAddress token, Depth depth, RpcSession session, List<String> selectors) {
        return new Pending(chain, token, depth, session, selectors);
    }

    public Outcome finish(Pending pending, Context context) {
        try (pending) {
            return complete(pending, context);
        }
    }

    private Outcome complete(Pending pending, Context context) {
        if (pending.depth == Depth.QUICK || pending.preflight == null) {
            String why = "not at depth quick";
            return new Outcome(null, null, SignalDeriver.derive(null, null, context.proxy(), context.ownership()),
                    Coverage.skipped("simulation", why), Coverage.skipped("privileges", why), 0);
        }
        if (context.token() == null || !context.token().isToken()) {
            String why = context.token() == null ? "the token's ERC-20 calls got no answer"
                    : "not an ERC-20 token: " + context.token().notTokenReason();
            pending.preflight.cancel(true);
            return new Outcome(null, null, SignalDeriver.derive(null, null, context.proxy(), context.ownership()),
                    Coverage.skipped("simulation", why), Coverage.skipped("privileges", why), pending.rounds.rounds());
        }
        Preflight pre;
        Route route;
        try {
            pre = pending.preflight.get(PREFLIGHT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            route = pending.route.getNow(null);
            if (route == null) {
                route = pending.route.get(PREFLIGHT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failedBoth(pending, context, "interrupted");
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Simulation of {} on {} failed", pending.token, pending.chain.name(), e);
            return failedBoth(pending, context, e instanceof TimeoutException ? "the node did not answer within "
                    + PREFLIGHT_TIMEOUT.toSeconds() + " s" : "internal error (" + e.getCause() + ")");
        }
        BigInteger totalSupply = parse(context.token().totalSupply());

        // ---- privileges (beside the simulation, which may still be running) ----
        Set<EvmAddress> known = known(pending.chain, route.pairs(), context.proxy());
        List<PrivilegeReport.Caller> callers = callers(pending, context, pre, known);
        List<String> selectors = selectors(context);
        CompletableFuture<Simulated> simulated = pending.simulation;
        // Who else can sell when a fresh wallet cannot: one more round, started as soon as the simulation says so.
        CompletableFuture<List<String>> exempt = simulated.thenApplyAsync(s -> s.raw() != null
                && s.raw().honeypotSuspected() ? exempt(pending, s.routes(), callers) : List.of(), pending.executor);
        PrivilegeReport privileges;
        Coverage privilegesCoverage;
        if (selectors.isEmpty()) {
            String why = "the dispatcher's selectors could not be read from the bytecode";
            privileges = null;
            privilegesCoverage = Coverage.skipped("privileges", why);
        } else {
            BigInteger fund = totalSupply == null || totalSupply.signum() <= 0 ? BigInteger.TEN.pow(24)
                    : totalSupply.divide(BigInteger.valueOf(1000)).max(BigInteger.ONE);
            privileges = PrivilegeProber.probe(pending.rounds, new PrivilegeProber.Inputs(pending.token,
                    route.routes(), callers, selectors, pre.slot(), fund, known, pre.views()));
            privilegesCoverage = switch (privileges.status()) {
                case "ran" -> Coverage.ran("privileges");
                case "skipped" -> Coverage.skipped("privileges", String.valueOf(privileges.reason()));
                default -> Coverage.failed("privileges", String.valueOf(privileges.reason()));
            };
        }

        // ---- simulation report ----
        SimulationReport simulation;
        Coverage simulationCoverage;
        if (pending.routes.isEmpty()) {
            String why = "no Uniswap V2 style DEX (factory and router) is configured for " + pending.chain.name();
            simulation = TradeSimulator.untestable("none", why, List.of());
            simulationCoverage = Coverage.skipped("simulation", "untestable: " + why);
        } else {
            Map<String, BigInteger> getters = new java.util.LinkedHashMap<>();
            if (privileges != null) {
                privileges.views().forEach((selector, value) -> getters.put(selector, new BigInteger(value)));
            }
            Simulated done = join(simulated);
            TradeSimulator.Raw raw = done == null ? null : done.raw();
            List<Evidence> routeEvidence = done == null || done.deepest() == null ? List.of()
                    : List.of(new Evidence("simulation", done.deepest().toChecksum(), "route",
                    done.routes().routers().size() + " router(s), " + done.routes().quotes().size()
                            + " quote token(s) given to the probe",
                    "traded through the liquidity section's deepest pool (one pool discovery for the collection)"));
            simulation = raw == null || done == null
                    ? TradeSimulator.failed("eth_simulateV1", "the simulation did not run", List.of())
                    : TradeSimulator.report(raw, done.routes(), pending.token, totalSupply, getters, routeEvidence);
            if (raw != null && raw.honeypotSuspected()) {
                List<String> wallets = join(exempt);
                simulation = simulation.withSellWorksFor(wallets == null ? List.of() : wallets);
            }
            simulationCoverage = switch (simulation.status()) {
                case "traded" -> Coverage.ran("simulation");
                case "untestable" -> Coverage.skipped("simulation", "untestable: " + simulation.reason());
                default -> Coverage.failed("simulation", String.valueOf(simulation.reason()));
            };
        }
        List<Signal> signals = SignalDeriver.derive(simulation, privileges, context.proxy(), context.ownership());
        return new Outcome(simulation, privileges, signals, simulationCoverage, privilegesCoverage,
                pending.rounds.rounds());
    }

    /** Owner and creator wallets (accounts without code of their own) for which the failed sell works. */
    private List<String> exempt(Pending pending, ProbeAbi.Routes routes, List<PrivilegeReport.Caller> callers) {
        List<EvmAddress> wallets = new ArrayList<>();
        for (PrivilegeReport.Caller caller : callers) {
            if ((caller.visible() || caller.creator()) && wallets.size() < 3) {
                wallets.add(EvmAddress.parse(caller.address()));
            }
        }
        if (wallets.isEmpty()) {
            return List.of();
        }
        List<RpcCall> calls = new ArrayList<>();
        for (EvmAddress wallet : wallets) {
            calls.add(RpcCall.of("eth_getCode", wallet.toLowerHex(), "latest"));
            calls.add(TradeSimulator.startAs(wallet, pending.token, routes));
        }
        List<RpcReply> replies = pending.rounds.round(calls);
        List<String> exempt = new ArrayList<>();
        for (int i = 0; i < wallets.size(); i++) {
            RpcReply code = replies.get(2 * i);
            RpcReply start = replies.get(2 * i + 1);
            boolean eoa = code.ok() && code.result() != null && "0x".equals(code.result().asString(""));
            ProbeAbi.Result result = start.ok() && start.result() != null
                    ? TradeSimulator.decode(start.result(), true) : null;
            if (eoa && result != null && result.flag(ProbeLayout.S_BUY_OK)
                    && result.flag(ProbeLayout.S_SELL_OK)) {
                exempt.add(wallets.get(i).toChecksum());
            }
        }
        return exempt;
    }

    private <T> @Nullable T join(Future<T> future) {
        try {
            return future.get(PREFLIGHT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("A trade simulation step failed: {}", e.toString());
            return null;
        }
    }

    private Outcome failedBoth(Pending pending, Context context, String why) {
        return new Outcome(TradeSimulator.failed("eth_simulateV1", why, List.of()), null,
                SignalDeriver.derive(null, null, context.proxy(), context.ownership()),
                Coverage.failed("simulation", why), Coverage.failed("privileges", "the simulation round failed: " + why),
                pending.rounds.rounds());
    }

    /** The chain's Uniswap V2 style DEXes and the quote tokens (wrapped native first, then stablecoins). */
    static ProbeAbi.Routes routes(Chain chain) {
        List<EvmAddress> routers = new ArrayList<>();
        List<EvmAddress> factories = new ArrayList<>();
        for (Chain.Dex dex : chain.dexes()) {
            if (dex.router() != null && "uniswap-v2".equals(dex.kind())) {
                routers.add(dex.router());
                factories.add(dex.factory());
            }
        }
        List<EvmAddress> quotes = new ArrayList<>();
        if (chain.wrappedNative() != null) {
            quotes.add(chain.wrappedNative());
        }
        chain.stablecoins().forEach(s -> quotes.add(s.address()));
        return new ProbeAbi.Routes(routers, factories, quotes);
    }

    private static Set<EvmAddress> known(Chain chain, List<EvmAddress> pairs, TokenFacts.@Nullable Proxy proxy) {
        Set<EvmAddress> known = new LinkedHashSet<>(pairs);
        if (chain.wrappedNative() != null) {
            known.add(chain.wrappedNative());
        }
        if (chain.multicall3() != null) {
            known.add(chain.multicall3());
        }
        chain.dexes().forEach(d -> {
            known.add(d.factory());
            if (d.router() != null) {
                known.add(d.router());
            }
        });
        chain.stablecoins().forEach(s -> known.add(s.address()));
        chain.lockers().forEach(l -> known.add(l.address()));
        if (proxy != null && proxy.implementation() != null) {
            known.add(EvmAddress.parse(proxy.implementation()));
        }
        known.add(TradeSimulator.BUYER);
        known.add(TradeSimulator.RECIPIENT);
        known.add(TradeSimulator.LIMITS_WALLET);
        return known;
    }

    private static List<PrivilegeReport.Caller> callers(Pending pending, Context context, Preflight pre,
                                                        Set<EvmAddress> known) {
        List<Callers.Declared> declared = new ArrayList<>();
        if (context.ownership() != null) {
            for (TokenFacts.Privileged privileged : context.ownership().privileged()) {
                declared.add(new Callers.Declared(EvmAddress.parse(privileged.account().address()), privileged.via()));
                TokenFacts.Account owner = privileged.account().owner();
                if (owner != null) {
                    declared.add(new Callers.Declared(EvmAddress.parse(owner.address()),
                            "owner() of " + privileged.via()));
                }
            }
        }
        EvmAddress creator = context.creator() == null ? null : EvmAddress.tryParse(context.creator().address());
        Set<EvmAddress> excluded = new LinkedHashSet<>(known);
        excluded.add(pending.token);
        List<EvmAddress> code = new ArrayList<>(AddressScan.code(pre.code()));
        if (context.proxy() != null && context.proxy().implementationBytecode() != null) {
            context.proxy().implementationBytecode().hardcodedAddresses().stream()
                    .map(a -> EvmAddress.parse(a.address())).filter(AddressScan::plausible).forEach(code::add);
        }
        return Callers.assemble(declared, creator, AddressScan.storage(pre.storage()), code, excluded, MAX_CALLERS);
    }

    private static List<String> selectors(Context context) {
        List<String> selectors = new ArrayList<>();
        if (context.bytecode() != null) {
            context.bytecode().selectors().forEach(s -> selectors.add(s.selector()));
        }
        if (context.proxy() != null && context.proxy().implementationBytecode() != null) {
            context.proxy().implementationBytecode().selectors().forEach(s -> selectors.add(s.selector()));
        }
        return selectors.stream().distinct().toList();
    }

    private static @Nullable BigInteger parse(@Nullable String decimal) {
        try {
            return decimal == null ? null : new BigInteger(decimal);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
