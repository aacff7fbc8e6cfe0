package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.MinimalProxy;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.facts.CallResult;
import ai.kaizen.data.facts.ContractCall;
import ai.kaizen.data.facts.ContractReader;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.liquidity.AbiWords;
import ai.kaizen.data.liquidity.LiquidityReport;
import ai.kaizen.data.liquidity.Shares;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.data.logs.LogRangeFetcher;
import ai.kaizen.data.logs.LogSource;
import ai.kaizen.data.logs.RpcLogSource;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import ai.kaizen.data.signals.Signal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The holder scan of one collection, in three rounds:
 * <ol>
 * <li>{@link #prelude}: the creation transaction's block and the collection block's timestamp (one batch);</li>
 * <li>{@link #scan}: every log of the token and its pools' Transfer/Mint/Burn/Sync logs, from the creation block
 * to the collection block, through {@link LogRangeFetcher} (adaptive window splitting when the provider caps
 * results), within the configured caps;</li>
 * <li>{@link #verify}: balanceOf of every address seen (Multicall3, one batch), LP balances of the pools' LP holders,
 * the code of the largest holders (contract or not) and, in the same batch, the transactions in which holders lost
 * tokens ({@link SiphonCheck}: {@code siphoned_holder}).</li>
 * </ol>
 */
public final class HolderScan {

    /** With Multicall3: calls per aggregate3, and largest holders whose code is read in the same batch. */
    private static final int CALLS_PER_MULTICALL = 500;
    private static final int CODE_LOOKUPS = 20;
    private static final int CODE_LOOKUPS_PLAIN = 5;
    private static final int MAX_LP_CANDIDATES = 200;
    private static final int MAX_UNEXPLAINED = 10;
    private static final int MAX_MINT_SIGNALS = 20;
    static final String METHOD = "addresses from Transfer logs, balanceOf at the collection block, excluding 0x0, "
            + "0x…dEaD, pools, lockers and the token contract";

    /** What one collection knows when the scan starts. */
    public record Input(RpcSession session, Chain chain, EvmAddress token, String block, long head,
                        @Nullable EvmAddress multicall, @Nullable String creationTx, @Nullable EvmAddress owner,
                        @Nullable EvmAddress creator, @Nullable BigInteger totalSupply) {
    }

    /**
     * Round 1: where the scan starts, the block's time, and who sent the creation transaction ({@code deployer}:
     * for a token created by a factory or launchpad, the account behind it rather than the factory contract).
     */
    public record Prelude(long fromBlock, @Nullable Long headTimestamp, @Nullable EvmAddress deployer,
                          @Nullable String note) {
    }

    /** Round 2: the logs read, and whether they cover the whole range. */
    public record Logs(List<LogEntry> logs, long fromBlock, long scannedTo, int requests, int splits,
                       @Nullable String partialReason, @Nullable String failure) {

        boolean complete() {
            return partialReason == null && failure == null;
        }
    }

    /** Round 3: the section, LP holders per pair (null when the logs are incomplete), signals, coverage. */
    public record Result(@Nullable Distribution distribution,
                         @Nullable Map<EvmAddress, List<LiquidityReport.LpHolding>> lpHolders, List<Signal> signals,
                         Coverage coverage) {
    }

    private final Input input;
    private final HoldersProperties properties;

    public HolderScan(Input input, HoldersProperties properties) {
        this.input = input;
        this.properties = properties;
    }

    // ---- round 1 ----

    public Prelude prelude() {
        List<RpcCall> calls = new ArrayList<>();
        if (input.creationTx != null) {
            calls.add(RpcCall.of("eth_getTransactionByHash", input.creationTx));
        }
        calls.add(RpcCall.of("eth_getBlockByNumber", input.block, false));
        List<RpcReply> replies;
        try {
            replies = input.session.batch(calls);
        } catch (RpcException e) {
            return new Prelude(0, null, null, "the creation block could not be read (" + e.getMessage()
                    + "): scanned from block 0");
        }
        Long from = null;
        EvmAddress deployer = null;
        String note = input.creationTx == null ? "the creation transaction is unknown: scanned from block 0" : null;
        if (input.creationTx != null) {
            from = number(replies.getFirst(), "blockNumber");
            deployer = sender(replies.getFirst());
            if (from == null || from > input.head) {
                from = null;
                note = "the creation transaction's block could not be read: scanned from block 0";
            }
        }
        Long timestamp = number(replies.getLast(), "timestamp");
        return new Prelude(from == null ? 0 : from, timestamp, deployer, note);
    }

    private static @Nullable EvmAddress sender(RpcReply reply) {
        JsonNode result = reply.ok() ? reply.result() : null;
        return result == null || !result.isObject() ? null : EvmAddress.tryParse(result.path("from").asString(""));
    }

    private static @Nullable Long number(RpcReply reply, String field) {
        try {
            JsonNode result = reply.resultOrThrow();
            if (!result.isObject()) {
                return null;
            }
            return Hex.quantity(Hex.requireHex(result.path(field), field)).longValueExact();
        } catch (RpcException | ArithmeticException e) {
            return null;
        }
    }

    // ---- round 2 ----

    /**
     * Every log of the token (Transfers, Approvals and any other event: the siphon check needs them) and the pools'
     * Transfer/Mint/Burn/Sync, blocks {@code fromBlock}..head, within the caps: two filters, one batch per window.
     */
    public Logs scan(long fromBlock, List<EvmAddress> pairs) {
        List<RpcLogSource.Filter> filters = new ArrayList<>();
        filters.add(new RpcLogSource.Filter(List.of(input.token), List.of()));
        if (!pairs.isEmpty()) {
            List<@Nullable Object> topics = new ArrayList<>();
            topics.add(List.of(TransferLedger.TRANSFER, TransferLedger.MINT, TransferLedger.BURN, TransferLedger.SYNC));
            filters.add(new RpcLogSource.Filter(pairs, topics));
        }
        return scan(new RpcLogSource(input.session, filters), fromBlock, input.head, properties);
    }

    /** The scan over any log source, with the caps; partial (never thrown) when a cap or a node fault stops it. */
    static Logs scan(LogSource source, long fromBlock, long toBlock, HoldersProperties properties) {
        Budgeted budgeted = new Budgeted(source, properties.maxRequests(),
                System.nanoTime() + properties.maxScanTime().toNanos());
        LogRangeFetcher fetcher = new LogRangeFetcher(properties.maxBlockSpan(), properties.maxLogs());
        try {
            LogRangeFetcher.Result result = fetcher.fetch(budgeted, fromBlock, toBlock);
            String partial = result.truncated() ? "stopped at " + properties.maxLogs() + " logs (kaizen.holders.max-logs)"
                    + " at block " + result.lastBlock() + " of " + toBlock : null;
            return new Logs(sorted(result.logs()), fromBlock, result.truncated() ? result.lastBlock() : toBlock,
                    result.requests(), result.splits(), partial, null);
        } catch (Budgeted.Exhausted e) {
            return new Logs(sorted(budgeted.collected), fromBlock, budgeted.scannedTo(fromBlock), budgeted.requests,
                    budgeted.requests - budgeted.successes, e.getMessage() + " at block " + budgeted.scannedTo(fromBlock)
                    + " of " + toBlock, null);
        } catch (RpcException e) {
            if (budgeted.collected.isEmpty()) {
                return new Logs(List.of(), fromBlock, fromBlock - 1, budgeted.requests, 0, null,
                        "the Transfer logs could not be read: " + e.getMessage());
            }
            return new Logs(sorted(budgeted.collected), fromBlock, budgeted.scannedTo(fromBlock), budgeted.requests,
                    budgeted.requests - budgeted.successes, "the node failed mid-scan (" + e.getMessage() + ")", null);
        }
    }

    private static List<LogEntry> sorted(List<LogEntry> logs) {
        List<LogEntry> out = new ArrayList<>(logs);
        out.sort(Comparator.comparingLong(LogEntry::blockNumber).thenComparingLong(LogEntry::logIndex));
        return out;
    }

    /** A log source that stops the scan when the request or time budget is spent, keeping what it got. */
    static final class Budgeted implements LogSource {

        /** Thrown through the fetcher to stop it; not a node fault. */
        static final class Exhausted extends RuntimeException {
            Exhausted(String message) {
                super(message, null, false, false);
            }
        }

        private final LogSource delegate;
        private final int maxRequests;
        private final long deadline;
        final List<LogEntry> collected = new ArrayList<>();
        int requests;
        int successes;
        long lastBlock = -1;

        Budgeted(LogSource delegate, int maxRequests, long deadline) {
            this.delegate = delegate;
            this.maxRequests = maxRequests;
            this.deadline = deadline;
        }

        @Override
        public List<LogEntry> logs(long fromBlock, long toBlock) throws RpcException {
            if (requests >= maxRequests) {
                throw new Exhausted("stopped after " + maxRequests + " eth_getLogs requests (kaizen.holders.max-requests)");
            }
            if (System.nanoTime() > deadline) {
                throw new Exhausted("stopped at the scan time limit (kaizen.holders.max-scan-time)");
            }
            requests++;
            List<LogEntry> logs = delegate.logs(fromBlock, toBlock);
            successes++;
            collected.addAll(logs);
            lastBlock = toBlock;
            return logs;
        }

        long scannedTo(long fromBlock) {
            return lastBlock < 0 ? fromBlock - 1 : lastBlock;
        }
    }

    // ---- round 3 ----

    /**
     * Verifies every seen address with balanceOf and builds the section.
     *
     * @param prelude round 1 (the deployer's share is the creator's share; the facts' creator when unknown)
     * @param pairs   the token's pools (excluded; their LP holders are read too)
     * @param lockers the configured lockers (excluded)
     */
    public Result verify(Prelude prelude, Logs logs, List<EvmAddress> pairs, List<EvmAddress> lockers) {
        EvmAddress creatorAccount = prelude.deployer() != null ? prelude.deployer() : input.creator;
        if (logs.failure() != null) {
            return new Result(null, null, List.of(), Coverage.failed("holders", logs.failure()));
        }
        BigInteger supply = input.totalSupply;
        if (supply == null) {
            return new Result(null, null, List.of(), Coverage.skipped("holders",
                    "totalSupply() does not answer: not an ERC-20 token"));
        }
        Set<EvmAddress> pairSet = new LinkedHashSet<>(pairs);
        TransferLedger ledger = new TransferLedger();
        Map<EvmAddress, TransferLedger> lpLedgers = new LinkedHashMap<>();
        List<TransferLedger.Transfer> transfers = new ArrayList<>();
        List<LogEntry> poolEvents = new ArrayList<>();
        List<LogEntry> tokenLogs = new ArrayList<>();
        for (LogEntry log : logs.logs()) {
            EvmAddress emitter = EvmAddress.parse(log.address());
            TransferLedger.Transfer transfer = TransferLedger.transfer(log);
            if (emitter.equals(input.token)) {
                tokenLogs.add(log);
                if (transfer != null) {
                    ledger.apply(transfer);
                    transfers.add(transfer);
                }
            } else if (pairSet.contains(emitter)) {
                poolEvents.add(log);
                if (transfer != null) {
                    lpLedgers.computeIfAbsent(emitter, p -> new TransferLedger()).apply(transfer);
                }
            }
        }

        // Who is not a holder, and why.
        Map<EvmAddress, String> excluded = new LinkedHashMap<>();
        excluded.put(EvmAddress.ZERO, "zero address");
        excluded.put(EvmAddress.DEAD, "burn address");
        excluded.put(input.token, "the token contract itself");
        for (EvmAddress pair : pairs) {
            excluded.put(pair, "pool");
        }
        for (EvmAddress locker : lockers) {
            excluded.putIfAbsent(locker, "locker");
        }

        List<EvmAddress> candidates = ledger.candidates(excluded.keySet());
        List<EvmAddress> checked = candidates.subList(0, Math.min(candidates.size(), properties.maxBalanceChecks()));
        Set<EvmAddress> tokenReads = new LinkedHashSet<>(checked);
        tokenReads.addAll(excluded.keySet());
        if (input.owner != null && !input.owner.isBurn()) {
            tokenReads.add(input.owner);
        }
        if (creatorAccount != null) {
            tokenReads.add(creatorAccount);
        }
        List<ContractCall> calls = new ArrayList<>();
        for (EvmAddress address : tokenReads) {
            calls.add(new ContractCall(input.token, AbiWords.call("balanceOf(address)", address),
                    "balanceOf(" + address.toChecksum() + ")"));
        }
        Map<EvmAddress, List<EvmAddress>> lpCandidates = new LinkedHashMap<>();
        if (logs.complete()) {
            for (Map.Entry<EvmAddress, TransferLedger> entry : lpLedgers.entrySet()) {
                Set<EvmAddress> skip = new LinkedHashSet<>(lockers);
                skip.add(EvmAddress.ZERO);
                skip.add(EvmAddress.DEAD);
                skip.add(entry.getKey());
                List<EvmAddress> lp = entry.getValue().candidates(skip);
                lp = lp.subList(0, Math.min(lp.size(), MAX_LP_CANDIDATES));
                lpCandidates.put(entry.getKey(), lp);
                for (EvmAddress holder : lp) {
                    calls.add(new ContractCall(entry.getKey(), AbiWords.call("balanceOf(address)", holder),
                            "LP balanceOf(" + holder.toChecksum() + ")"));
                }
            }
        }
        List<EvmAddress> codeLookups = checked.subList(0, Math.min(checked.size(),
                input.multicall != null ? CODE_LOOKUPS : CODE_LOOKUPS_PLAIN));
        // Who sent the transactions in which holders lost tokens: read in this same batch, not a round of its own.
        SiphonCheck siphon = new SiphonCheck(input.token, tokenLogs, excluded.keySet(), properties.maxSenderLookups());

        Reads reads;
        try {
            reads = read(calls, codeLookups, siphon.calls());
        } catch (RpcException e) {
            return new Result(null, null, List.of(), Coverage.failed("holders",
                    "balances could not be read: " + e.getMessage()));
        }
        String nodeFailure = reads.results.stream().filter(CallResult::nodeFailure).map(CallResult::failure)
                .findFirst().orElse(null);
        if (nodeFailure != null) {
            return new Result(null, null, List.of(), Coverage.failed("holders", "balances could not be read: "
                    + nodeFailure));
        }
        Map<EvmAddress, BigInteger> balances = new LinkedHashMap<>();
        Map<EvmAddress, CallResult> balanceCalls = new LinkedHashMap<>();
        int at = 0;
        for (EvmAddress address : tokenReads) {
            CallResult result = reads.results.get(at++);
            BigInteger balance = result.success() ? AbiWords.uint(result.data(), 0, 256) : null;
            if (balance != null) {
                balances.put(address, balance);
                balanceCalls.put(address, result);
            }
        }
        Map<EvmAddress, List<LiquidityReport.LpHolding>> lpHolders = logs.complete() ? new LinkedHashMap<>() : null;
        for (Map.Entry<EvmAddress, List<EvmAddress>> entry : lpCandidates.entrySet()) {
            List<LiquidityReport.LpHolding> holding = new ArrayList<>();
            for (EvmAddress holder : entry.getValue()) {
                CallResult result = reads.results.get(at++);
                BigInteger balance = result.success() ? AbiWords.uint(result.data(), 0, 256) : null;
                if (balance != null && balance.signum() > 0) {
                    holding.add(new LiquidityReport.LpHolding(holder, balance));
                }
            }
            holding.sort(Comparator.comparing(LiquidityReport.LpHolding::balance).reversed()
                    .thenComparing(LiquidityReport.LpHolding::address));
            lpHolders.put(entry.getKey(), List.copyOf(holding));
        }

        Map<EvmAddress, BigInteger> holderBalances = new LinkedHashMap<>();
        for (EvmAddress address : checked) {
            if (balances.containsKey(address)) {
                holderBalances.put(address, balances.get(address));
            }
        }
        List<HolderMath.Entry> ranked = HolderMath.rank(holderBalances, excluded.keySet());
        int top10Bps = HolderMath.top10Bps(ranked, supply);
        BigInteger burned = balances.getOrDefault(EvmAddress.ZERO, BigInteger.ZERO)
                .add(balances.getOrDefault(EvmAddress.DEAD, BigInteger.ZERO));
        BigInteger circulating = supply.subtract(burned).max(BigInteger.ZERO);

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(new Evidence("rpc", input.token.toChecksum(), "eth_getLogs",
                logs.logs().size() + " logs in blocks " + logs.fromBlock() + ".." + logs.scannedTo() + " ("
                        + logs.requests() + " requests, " + logs.splits() + " window splits)",
                "Transfer logs of the token and Transfer/Mint/Burn/Sync logs of its pools"));
        evidence.add(new Evidence("call", input.token.toChecksum(), "balanceOf(address)",
                balances.size() + " balances read", "balanceOf of every address seen in the logs"
                + (input.multicall != null ? " via Multicall3" : "")));

        List<Distribution.Holder> top = new ArrayList<>();
        List<Evidence> topEvidence = new ArrayList<>();
        for (HolderMath.Entry entry : ranked.subList(0, Math.min(10, ranked.size()))) {
            top.add(new Distribution.Holder(entry.address().toChecksum(), entry.balance().toString(),
                    Shares.percent(Shares.bps(entry.balance(), supply)), label(entry.address(), creatorAccount,
                    reads.codes)));
            topEvidence.add(balanceCalls.get(entry.address()).evidence());
        }
        evidence.addAll(topEvidence);
        Distribution.Share owner = share(input.owner, balances, supply, balanceCalls, evidence);
        Distribution.Share creator = share(creatorAccount, balances, supply, balanceCalls, evidence);
        List<Distribution.Excluded> excludedOut = new ArrayList<>();
        for (Map.Entry<EvmAddress, String> entry : excluded.entrySet()) {
            BigInteger balance = balances.get(entry.getKey());
            if (balance != null && balance.signum() > 0) {
                excludedOut.add(new Distribution.Excluded(entry.getKey().toChecksum(), entry.getValue(),
                        balance.toString()));
            }
        }

        List<Distribution.Unexplained> unexplained = new ArrayList<>();
        List<SiphonCheck.Shortfall> shortfalls = new ArrayList<>();
        int unexplainedCount = 0;
        if (logs.complete()) {
            for (EvmAddress address : checked) {
                BigInteger actual = balances.get(address);
                if (actual != null && !actual.equals(ledger.balance(address))) {
                    unexplainedCount++;
                    if (actual.compareTo(ledger.balance(address)) < 0) {
                        CallResult call = balanceCalls.get(address);
                        shortfalls.add(new SiphonCheck.Shortfall(address, ledger.balance(address), actual,
                                call == null ? null : call.evidence()));
                    }
                    if (unexplained.size() < MAX_UNEXPLAINED) {
                        unexplained.add(new Distribution.Unexplained(address.toChecksum(),
                                ledger.balance(address).toString(), actual.toString()));
                    }
                }
            }
        }

        Map<String, SiphonCheck.Tx> senders = siphon.transactions(reads.extras);
        if (siphon.calledTransactions() > 0) {
            evidence.add(new Evidence("rpc", input.token.toChecksum(), "eth_getTransactionByHash",
                    senders.size() + " of " + siphon.calledTransactions() + " transactions read",
                    "who sent the transactions in which holders lost tokens or balances changed without a Transfer"));
        }
        List<Signal> siphoned = siphon.signals(senders, shortfalls);
        String siphonNote = siphon.capNote();

        String partialReason = logs.partialReason();
        if (candidates.size() > checked.size()) {
            String capped = "balances of " + (candidates.size() - checked.size()) + " more addresses were not read "
                    + "(kaizen.holders.max-balance-checks)";
            partialReason = partialReason == null ? capped : partialReason + "; " + capped;
        }
        Distribution distribution = new Distribution(ranked.size(), Shares.percent(top10Bps),
                Shares.percent(HolderMath.top10Bps(ranked, circulating)), supply.toString(), circulating.toString(),
                List.copyOf(top), owner, creator, List.copyOf(excludedOut), partialReason != null, partialReason,
                new Distribution.Scan(logs.fromBlock(), input.head, logs.scannedTo(), logs.logs().size(),
                        ledger.transfers(), logs.requests(), logs.splits()),
                unexplainedCount, List.copyOf(unexplained), METHOD, List.copyOf(evidence));

        List<Signal> signals = new ArrayList<>();
        if (HolderMath.concentrated(ranked, supply, input.owner, creatorAccount, properties)) {
            signals.add(new Signal("concentrated_holders", "economic", Map.of("top10_bps", top10Bps), topEvidence));
        }
        signals.addAll(mintsAfterLaunch(transfers, poolEvents, pairSet));
        signals.addAll(siphoned);

        String note = partialReason == null ? null : "partial: " + partialReason;
        if (siphonNote != null) {
            note = note == null ? siphonNote : note + "; " + siphonNote;
        }
        return new Result(distribution, lpHolders, List.copyOf(signals),
                note == null ? Coverage.ran("holders") : Coverage.ran("holders", note));
    }

    /**
     * {@code mint_after_launch}: every Transfer from 0x0 after the first liquidity reached a pool — the pool's first
     * Mint or Sync, or the first Transfer of the token into the pool, whichever comes first.
     */
    static List<Signal> mintsAfterLaunch(List<TransferLedger.Transfer> transfers, List<LogEntry> poolEvents,
                                         Set<EvmAddress> pairs) {
        LogEntry launch = null;
        for (LogEntry event : poolEvents) {
            String topic = event.topics().isEmpty() ? "" : event.topics().getFirst();
            if (topic.equals(TransferLedger.MINT) || topic.equals(TransferLedger.SYNC)) {
                launch = event;
                break;
            }
        }
        for (TransferLedger.Transfer transfer : transfers) {
            if (pairs.contains(transfer.to())) {
                if (launch == null || before(transfer.log(), launch)) {
                    launch = transfer.log();
                }
                break;
            }
        }
        if (launch == null) {
            return List.of();
        }
        List<Signal> signals = new ArrayList<>();
        for (TransferLedger.Transfer transfer : transfers) {
            if (!transfer.isMint() || !before(launch, transfer.log()) || signals.size() >= MAX_MINT_SIGNALS) {
                continue;
            }
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("tx", transfer.log().transactionHash());
            params.put("block", transfer.log().blockNumber());
            params.put("amount", transfer.value().toString());
            params.put("to", transfer.to().toChecksum());
            signals.add(new Signal("mint_after_launch", "evidence", params, List.of(
                    new Evidence("log", EvmAddress.parse(transfer.log().address()).toChecksum(),
                            transfer.log().transactionHash() + "#" + transfer.log().logIndex(), transfer.log().data(),
                            "Transfer(0x0 → " + transfer.to().toChecksum() + ") in block "
                                    + transfer.log().blockNumber()),
                    new Evidence("log", EvmAddress.parse(launch.address()).toChecksum(),
                            launch.transactionHash() + "#" + launch.logIndex(), null,
                            "first liquidity in a pool, block " + launch.blockNumber()))));
        }
        return signals;
    }

    private static boolean before(LogEntry a, LogEntry b) {
        return a.blockNumber() < b.blockNumber() || (a.blockNumber() == b.blockNumber() && a.logIndex() < b.logIndex());
    }

    private static Distribution.@Nullable Share share(@Nullable EvmAddress address, Map<EvmAddress, BigInteger> balances,
                                                      BigInteger supply, Map<EvmAddress, CallResult> calls,
                                                      List<Evidence> evidence) {
        if (address == null || address.isBurn() || !balances.containsKey(address)) {
            return null;
        }
        BigInteger balance = balances.get(address);
        CallResult call = calls.get(address);
        if (call != null && !evidence.contains(call.evidence())) {
            evidence.add(call.evidence());
        }
        return new Distribution.Share(address.toChecksum(), balance.toString(),
                Shares.percent(Shares.bps(balance, supply)));
    }

    private @Nullable String label(EvmAddress address, @Nullable EvmAddress creatorAccount, Map<EvmAddress, byte[]> codes) {
        List<String> labels = new ArrayList<>();
        if (address.equals(input.owner)) {
            labels.add("owner");
        }
        if (address.equals(creatorAccount) || address.equals(input.creator)) {
            labels.add("creator");
        }
        input.chain.label(address).ifPresent(labels::add);
        byte[] code = codes.get(address);
        if (code != null && code.length > 0 && MinimalProxy.delegationDesignator(code).isEmpty()) {
            labels.add("contract");
        }
        return labels.isEmpty() ? null : String.join(", ", labels);
    }

    /** Contract call results in order, the code of the looked-up addresses, and the replies to the extra calls. */
    private record Reads(List<CallResult> results, Map<EvmAddress, byte[]> codes, List<RpcReply> extras) {
    }

    /**
     * One batch: {@code extras} (any other reads that can ride along), eth_getCode of the largest holders, and the
     * calls in Multicall3 chunks (or plain eth_calls).
     */
    private Reads read(List<ContractCall> calls, List<EvmAddress> codeLookups, List<RpcCall> extras)
            throws RpcException {
        EvmAddress multicall = input.multicall;
        List<RpcCall> batch = new ArrayList<>(extras);
        int codesAt = batch.size();
        for (EvmAddress address : codeLookups) {
            batch.add(RpcCall.of("eth_getCode", address.toLowerHex(), input.block));
        }
        List<List<ContractCall>> chunks = new ArrayList<>();
        int chunk = multicall != null ? CALLS_PER_MULTICALL : Math.max(1, calls.size());
        for (int from = 0; from < calls.size(); from += chunk) {
            chunks.add(calls.subList(from, Math.min(calls.size(), from + chunk)));
        }
        List<Integer> starts = new ArrayList<>();
        for (List<ContractCall> part : chunks) {
            starts.add(batch.size());
            batch.addAll(ContractReader.rpcCalls(part, multicall, input.block));
        }
        List<RpcReply> replies = input.session.batch(batch);
        Map<EvmAddress, byte[]> codes = new LinkedHashMap<>();
        for (int i = 0; i < codeLookups.size(); i++) {
            try {
                codes.put(codeLookups.get(i), Hex.bytes(replies.get(codesAt + i).hexOrThrow()));
            } catch (RpcException e) {
                // An unreadable code only costs the holder its "contract" label.
            }
        }
        List<CallResult> results = new ArrayList<>(calls.size());
        try {
            for (int c = 0; c < chunks.size(); c++) {
                int start = starts.get(c);
                int end = c + 1 < chunks.size() ? starts.get(c + 1) : replies.size();
                results.addAll(ContractReader.results(chunks.get(c), multicall, replies.subList(start, end)));
            }
        } catch (ContractReader.MulticallUnusable unusable) {
            try {
                results = ContractReader.results(calls, null,
                        input.session.batch(ContractReader.rpcCalls(calls, null, input.block)));
            } catch (ContractReader.MulticallUnusable impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return new Reads(results, codes, replies.subList(0, extras.size()));
    }
}
