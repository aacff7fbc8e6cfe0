package ai.kaizen.data.market;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.facts.CallResult;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.holders.Distribution;
import ai.kaizen.data.holders.HolderScan;
import ai.kaizen.data.holders.HoldersProperties;
import ai.kaizen.data.liquidity.Liquidity;
import ai.kaizen.data.liquidity.LiquidityReport;
import ai.kaizen.data.liquidity.PoolFinder;
import ai.kaizen.data.liquidity.Pools;
import ai.kaizen.data.liquidity.Shares;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.data.timeseries.ChainEvent;
import ai.kaizen.data.timeseries.ChainEvents;
import ai.kaizen.data.timeseries.PriceSample;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Liquidity and holders for one standard-depth collection, started as soon as the first facts round is in and run
 * in parallel with the rest (on the collection's RPC session, so its round trips count). Two lanes:
 * <ul>
 * <li>liquidity: pool state (reserves, LP), lock terms — 2 rounds (1 without locks; pool discovery rides in the
 * first facts round);</li>
 * <li>holders: creation block + block time, the log scan (token and pools, from the creation block), balanceOf of
 * everyone seen — 3 rounds (more when a provider splits the log range); 2 on a chain short enough to scan from
 * genesis in one window, where the creation block is not waited for.</li>
 * </ul>
 * Both start after the first facts round, so standard facts stay within a few sequential round trips. When both are
 * done the price sample and events are appended to the time series in the background.
 */
@Component
public class MarketCollector {

    private static final Logger log = LoggerFactory.getLogger(MarketCollector.class);
    private static final int MAX_BLOCK_LOOKUPS = 500;

    /**
     * What the first facts round found.
     *
     * @param isToken      whether the contract answers like ERC-20 (otherwise nothing is collected)
     * @param blockNumber  the collection block (every read is pinned to {@code block})
     * @param owner        owner()/getOwner() (for the owner's share), when it answered
     * @param creationTx   the creation transaction (where the log scan starts), when known
     * @param poolDiscovery the results of {@link PoolFinder#discoveryCalls} when they rode in the first round, else
     *                      null (pool discovery then takes a round of its own)
     */
    public record Request(Chain chain, EvmAddress token, RpcSession session, @Nullable EvmAddress multicall,
                          String block, @Nullable Long blockNumber, boolean isToken, @Nullable Integer decimals,
                          @Nullable BigInteger totalSupply, @Nullable EvmAddress owner, @Nullable EvmAddress creator,
                          @Nullable String creationTx, @Nullable List<CallResult> poolDiscovery) {
    }

    /** The sections, their signals and coverage entries ({@code liquidity}, {@code holders}, {@code timeseries}). */
    public record MarketFacts(@Nullable Liquidity liquidity, @Nullable Distribution distribution, List<Signal> signals,
                              List<Coverage> coverage) {
    }

    private record LiquidityLane(Pools pools, LiquidityReport.LockTerms terms) {
    }

    private record HoldersLane(HolderScan.@Nullable Prelude prelude, HolderScan.@Nullable Logs logs,
                               HolderScan.Result result) {
    }

    private record Assembled(MarketFacts facts, @Nullable PriceSample sample, List<LogEntry> logs) {
    }

    private final HoldersProperties holders;
    private final TimeSeriesWriter timeSeries;
    private final JsonRpcClient rpc;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Autowired
    MarketCollector(HoldersProperties holders, TimeSeriesWriter timeSeries, JsonRpcClient rpc, Optional<Clock> clock) {
        this(holders, timeSeries, rpc, clock.orElse(Clock.systemUTC()));
    }

    /** A collector outside Spring (tests, benchmarks). */
    public MarketCollector(HoldersProperties holders, TimeSeriesWriter timeSeries, JsonRpcClient rpc, Clock clock) {
        this.holders = holders;
        this.timeSeries = timeSeries;
        this.rpc = rpc;
        this.clock = clock;
    }

    /** A running collection: its pools (shared with trade simulation) and, on {@link #join()}, the market facts. */
    public final class Pending {

        private final PoolFinder pools;
        private final CompletableFuture<Assembled> assembled;
        private final CompletableFuture<TimeSeriesWriter.@Nullable Outcome> written;

        Pending(PoolFinder pools, CompletableFuture<Assembled> assembled,
                CompletableFuture<TimeSeriesWriter.@Nullable Outcome> written) {
            this.pools = pools;
            this.assembled = assembled;
            this.written = written;
        }

        /** The token's pools; {@link PoolFinder#deepest()} is where trades go. Shared: each round is read once. */
        public PoolFinder pools() {
            return pools;
        }

        /** Waits for liquidity and holders (and, at most {@code kaizen.timeseries.max-wait}, for the append). */
        public MarketFacts join() {
            MarketFacts facts;
            try {
                facts = assembled.join().facts();
            } catch (CompletionException e) {
                log.error("Market facts could not be assembled", e.getCause());
                String why = "internal error while assembling (" + e.getCause().getClass().getSimpleName()
                        + "); it has been logged";
                return new MarketFacts(null, null, List.of(), List.of(Coverage.failed("liquidity", why),
                        Coverage.failed("holders", why), Coverage.skipped("timeseries", why)));
            }
            List<Coverage> coverage = new ArrayList<>(facts.coverage());
            coverage.add(timeSeriesCoverage());
            return new MarketFacts(facts.liquidity(), facts.distribution(), facts.signals(), List.copyOf(coverage));
        }

        private Coverage timeSeriesCoverage() {
            try {
                TimeSeriesWriter.Outcome outcome = written.get(timeSeries.properties().maxWait().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (outcome == null) {
                    return Coverage.skipped("timeseries", "nothing to append: neither liquidity nor holders ran");
                }
                if (outcome.skipped() != null) {
                    return Coverage.skipped("timeseries", outcome.skipped());
                }
                if (outcome.failure() != null) {
                    return Coverage.failed("timeseries", outcome.failure());
                }
                return Coverage.ran("timeseries", "appended " + outcome.eventsInserted() + " new of " + outcome.events()
                        + " events" + (outcome.sampleInserted() ? " and a price sample"
                        : "; a sample for this block was already there or there was nothing to sample"));
            } catch (TimeoutException e) {
                return Coverage.ran("timeseries", "still appending when the facts were returned; the outcome is logged");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Coverage.failed("timeseries", "interrupted while appending");
            } catch (ExecutionException e) {
                return Coverage.failed("timeseries", "the append failed: " + e.getCause());
            }
        }
    }

    /** Starts both lanes now and returns at once. */
    public Pending start(Request request) {
        PoolFinder pools = new PoolFinder(request.session(), request.chain(), request.token(), request.block(),
                request.multicall(), request.decimals());
        if (request.poolDiscovery() != null) {
            pools.discovered(request.poolDiscovery());
        }
        if (!request.isToken()) {
            String why = "not an ERC-20 token (totalSupply()/balanceOf(address) do not answer like one)";
            MarketFacts skipped = new MarketFacts(null, null, List.of(), List.of(Coverage.skipped("liquidity", why),
                    Coverage.skipped("holders", why)));
            return new Pending(pools, CompletableFuture.completedFuture(new Assembled(skipped, null, List.of())),
                    CompletableFuture.completedFuture(null));
        }
        CompletableFuture<LiquidityLane> liquidity = async(() -> {
            Pools found = pools.find();
            return new LiquidityLane(found, found.failure() == null ? LiquidityReport.readLocks(pools, found)
                    : LiquidityReport.LockTerms.NONE);
        }, e -> new LiquidityLane(new Pools(List.of(), null, null, null, List.of(), List.of(),
                "internal error while reading pools (" + e.getClass().getSimpleName() + "); it has been logged"),
                LiquidityReport.LockTerms.NONE));
        CompletableFuture<HoldersLane> holderLane = async(() -> holders(request, pools),
                e -> new HoldersLane(null, null, new HolderScan.Result(null, null, List.of(), Coverage.failed("holders",
                        "internal error while reading holders (" + e.getClass().getSimpleName()
                                + "); it has been logged"))));
        CompletableFuture<Assembled> assembled = liquidity.thenCombineAsync(holderLane,
                (l, h) -> assemble(request, l, h), executor);
        CompletableFuture<TimeSeriesWriter.@Nullable Outcome> written = assembled.thenComposeAsync(a -> append(request, a),
                executor);
        written.whenComplete((outcome, failure) -> {
            if (outcome != null && outcome.failure() == null && outcome.skipped() == null) {
                log.debug("Time series for {} on {}: {} new of {} events, sample {}", request.token(),
                        request.chain().name(), outcome.eventsInserted(), outcome.events(), outcome.sampleInserted());
            } else if (outcome != null && outcome.failure() != null) {
                log.warn("Time series for {} on {} not appended: {}", request.token(), request.chain().name(),
                        outcome.failure());
            }
        });
        return new Pending(pools, assembled, written);
    }

    private <T> CompletableFuture<T> async(Supplier<T> work, java.util.function.Function<RuntimeException, T> onDefect) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (RuntimeException e) {
                log.error("Market facts lane failed unexpectedly", e);
                return onDefect.apply(e);
            }
        }, executor);
    }

    private HoldersLane holders(Request request, PoolFinder pools) {
        if (request.blockNumber() == null) {
            return new HoldersLane(null, null, new HolderScan.Result(null, null, List.of(), Coverage.failed("holders",
                    "the collection block number is unknown (eth_blockNumber failed)")));
        }
        HolderScan scan = new HolderScan(new HolderScan.Input(request.session(), request.chain(), request.token(),
                request.block(), request.blockNumber(), request.multicall(), request.creationTx(), request.owner(),
                request.creator(), request.totalSupply()), holders);
        List<EvmAddress> pairs = pools.pairAddresses();
        HolderScan.Prelude prelude;
        HolderScan.Logs logs;
        boolean wholeChain = request.blockNumber() < holders.maxBlockSpan();
        if (wholeChain) {
            // The whole chain fits one eth_getLogs window: scan from genesis now rather than wait a round for the
            // creation block (nothing of the token's can be older); the prelude runs beside it.
            CompletableFuture<HolderScan.Prelude> pending = CompletableFuture.supplyAsync(scan::prelude, executor);
            logs = scan.scan(0, pairs);
            prelude = pending.join();
        } else {
            prelude = scan.prelude();
            logs = scan.scan(prelude.fromBlock(), pairs);
        }
        List<EvmAddress> lockers = request.chain().lockers().stream().map(Chain.Locker::address).toList();
        HolderScan.Result result = scan.verify(prelude, logs, pairs, lockers);
        if (!wholeChain && prelude.note() != null && result.coverage().status().equals("ran")) {
            String reason = result.coverage().reason();
            result = new HolderScan.Result(result.distribution(), result.lpHolders(), result.signals(),
                    Coverage.ran("holders", reason == null ? prelude.note() : reason + "; " + prelude.note()));
        }
        return new HoldersLane(prelude, logs, result);
    }

    private Assembled assemble(Request request, LiquidityLane liquidity, HoldersLane holderLane) {
        Long now = holderLane.prelude() == null ? null : holderLane.prelude().headTimestamp();
        LiquidityReport.Result report = LiquidityReport.assemble(liquidity.pools(), liquidity.terms(), now,
                holderLane.result().lpHolders());
        List<Signal> signals = new ArrayList<>(report.signals());
        signals.addAll(holderLane.result().signals());
        MarketFacts facts = new MarketFacts(report.liquidity(), holderLane.result().distribution(),
                List.copyOf(signals), List.of(report.coverage(), holderLane.result().coverage()));
        PriceSample sample = sample(request, report, holderLane.result().distribution(), now);
        List<LogEntry> logs = holderLane.logs() == null ? List.of() : holderLane.logs().logs();
        return new Assembled(facts, sample, logs);
    }

    private @Nullable PriceSample sample(Request request, LiquidityReport.Result report,
                                         @Nullable Distribution distribution, @Nullable Long now) {
        Liquidity liquidity = report.liquidity();
        BigDecimal price = liquidity.priceUsd();
        Integer holderCount = distribution == null || distribution.partial() ? null : distribution.holderCount();
        if (price == null && liquidity.totalUSD() == null && holderCount == null) {
            return null;
        }
        BigDecimal marketCap = null;
        if (price != null && request.decimals() != null && distribution != null
                && distribution.circulatingSupply() != null) {
            marketCap = Shares.money(Shares.units(new BigInteger(distribution.circulatingSupply()), request.decimals())
                    .multiply(price, MathContext.DECIMAL128));
        }
        return new PriceSample(now != null ? Instant.ofEpochSecond(now) : clock.instant(), request.chain().name(),
                request.token().toChecksum(), price, marketCap, liquidity.totalUSD(), holderCount,
                PriceSample.DEX_ONCHAIN);
    }

    private CompletableFuture<TimeSeriesWriter.@Nullable Outcome> append(Request request, Assembled assembled) {
        if (assembled.sample() == null && assembled.logs().isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Map<Long, Long> times = blockTimes(request, assembled.logs());
        List<ChainEvent> events = new ArrayList<>();
        for (LogEntry entry : assembled.logs()) {
            Long time = entry.blockTimestamp() != null ? entry.blockTimestamp() : times.get(entry.blockNumber());
            if (time == null) {
                continue;
            }
            ChainEvent event = ChainEvents.decode(entry, request.chain().name(), Instant.ofEpochSecond(time));
            if (event != null) {
                events.add(event);
            }
        }
        return timeSeries.append(assembled.sample(), events);
    }

    /**
     * Block times for logs the node sent without {@code blockTimestamp}, read on a session of their own (background
     * work, not the facts request's), at most {@value #MAX_BLOCK_LOOKUPS} blocks; events of other blocks are not
     * appended.
     */
    private Map<Long, Long> blockTimes(Request request, List<LogEntry> logs) {
        Set<Long> missing = new LinkedHashSet<>();
        for (LogEntry entry : logs) {
            if (entry.blockTimestamp() == null && missing.size() < MAX_BLOCK_LOOKUPS) {
                missing.add(entry.blockNumber());
            }
        }
        Map<Long, Long> times = new LinkedHashMap<>();
        if (missing.isEmpty()) {
            return times;
        }
        RpcSession session = rpc.session(request.chain().name(), request.chain().rpcUrls());
        List<RpcCall> calls = missing.stream().map(b -> RpcCall.of("eth_getBlockByNumber", Hex.quantity(b), false))
                .toList();
        try {
            List<RpcReply> replies = session.batch(calls);
            int i = 0;
            for (Long block : missing) {
                JsonNode result = replies.get(i++).resultOrThrow();
                if (result.isObject() && result.path("timestamp").isString()) {
                    times.put(block, Hex.quantity(Hex.requireHex(result.path("timestamp"), "timestamp")).longValueExact());
                }
            }
        } catch (RpcException | ArithmeticException e) {
            log.warn("Block times for the time series of {} could not be read: {}", request.token(), e.getMessage());
        }
        return times;
    }

    @PreDestroy
    public void close() {
        executor.close();
    }
}
