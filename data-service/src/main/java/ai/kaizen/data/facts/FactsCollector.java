package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.BytecodeAnalyzer;
import ai.kaizen.data.bytecode.BytecodeReport;
import ai.kaizen.data.bytecode.SelectorLabels;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.clones.CodeIndex;
import ai.kaizen.data.liquidity.PoolFinder;
import ai.kaizen.data.market.MarketCollector;
import ai.kaizen.data.signals.BehaviourCollector;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.rpc.RpcSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Collects quick-depth facts in as few JSON-RPC round trips as the data dependencies allow:
 * <ol>
 * <li>one batch: block number, code, the four proxy slots, ots_getContractCreator, and one Multicall3 eth_call
 * with name/symbol/decimals/totalSupply/balanceOf and owner()/getOwner()/admin()/getRoleMemberCount;</li>
 * <li>one batch: the implementation's code (proxies), code of every controlling account, and one Multicall3 call
 * probing them (Safe threshold/owners, timelock delay, owner()) and DEFAULT_ADMIN_ROLE membership;</li>
 * <li>only when needed: the owners of controlling contracts (a ProxyAdmin's owner), enumerated role members,
 * a beacon's implementation code.</li>
 * </ol>
 * Every call that fails leaves a coverage entry saying why; nothing here throws for a node fault.
 */
@Component
class FactsCollector {

    private static final Logger log = LoggerFactory.getLogger(FactsCollector.class);

    static final String NAME = SelectorLabels.selector("name()");
    static final String SYMBOL = SelectorLabels.selector("symbol()");
    static final String DECIMALS = SelectorLabels.selector("decimals()");
    static final String TOTAL_SUPPLY = SelectorLabels.selector("totalSupply()");
    static final String BALANCE_OF = SelectorLabels.selector("balanceOf(address)");
    static final String OWNER = SelectorLabels.selector("owner()");
    static final String GET_OWNER = SelectorLabels.selector("getOwner()");
    static final String ADMIN = SelectorLabels.selector("admin()");
    static final String HAS_ROLE = SelectorLabels.selector("hasRole(bytes32,address)");
    static final String ROLE_MEMBER_COUNT = SelectorLabels.selector("getRoleMemberCount(bytes32)");
    static final String ROLE_MEMBER = SelectorLabels.selector("getRoleMember(bytes32,uint256)");
    static final String IMPLEMENTATION = SelectorLabels.selector("implementation()");
    static final String GET_THRESHOLD = SelectorLabels.selector("getThreshold()");
    static final String GET_OWNERS = SelectorLabels.selector("getOwners()");
    static final String GET_MIN_DELAY = SelectorLabels.selector("getMinDelay()");
    static final String DELAY = SelectorLabels.selector("delay()");

    private static final byte[] DEFAULT_ADMIN_ROLE = new byte[32];
    private static final int MAX_ROLE_MEMBERS = 10;
    private static final int MAX_SAFE_OWNERS = 20;
    private static final List<String> LATER_CHECKS = List.of("simulation", "privileges", "liquidity", "holders");

    private final JsonRpcClient rpc;
    private final ExplorerClient explorer;
    private final MarketCollector market;
    private final BehaviourCollector behaviour;
    private final CodeIndex codeIndex;
    private final Clock clock;
    /** Multicall3 deployments that proved unusable (no code), until when: meanwhile their chain gets plain batches. */
    private final Map<String, Long> brokenMulticalls = new ConcurrentHashMap<>();
    private static final long MULTICALL_RECHECK_MILLIS = 10 * 60 * 1000;

    /** Without a code index (tests): {@code same_bytecode_as} is skipped. */
    FactsCollector(JsonRpcClient rpc, ExplorerClient explorer, MarketCollector market, BehaviourCollector behaviour,
                   Optional<Clock> clock) {
        this(rpc, explorer, market, behaviour, new CodeIndex(null, clock.orElse(Clock.systemUTC())), clock);
    }

    @Autowired
    FactsCollector(JsonRpcClient rpc, ExplorerClient explorer, MarketCollector market, BehaviourCollector behaviour,
                   CodeIndex codeIndex, Optional<Clock> clock) {
        this.rpc = rpc;
        this.explorer = explorer;
        this.market = market;
        this.behaviour = behaviour;
        this.codeIndex = codeIndex;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    TokenFacts collect(Chain chain, EvmAddress token, Depth depth) throws NoContractCodeException {
        return new Run(chain, token, depth).collect();
    }

    /** One collection: its session, its block, and what it found so far. */
    private final class Run {
        final Chain chain;
        final EvmAddress token;
        final Depth depth;
        final RpcSession session;
        final AtomicInteger explorerCalls = new AtomicInteger();
        final Map<String, Coverage> coverage = new LinkedHashMap<>();
        @Nullable EvmAddress multicall;
        String block = "latest";
        @Nullable Long blockNumber;

        Run(Chain chain, EvmAddress token, Depth depth) {
            this.chain = chain;
            this.token = token;
            this.depth = depth;
            this.session = rpc.session(chain.name(), chain.rpcUrls());
            EvmAddress configured = chain.multicall3();
            this.multicall = configured != null
                    && brokenMulticalls.getOrDefault(key(configured), 0L) < clock.millis() ? configured : null;
        }

        String key(EvmAddress address) {
            return chain.name() + ":" + address.toLowerHex();
        }

        TokenFacts collect() throws NoContractCodeException {
            // ---- round 1 ----
            List<ContractCall> tokenCalls = List.of(
                    call(token, NAME, "name()"),
                    call(token, SYMBOL, "symbol()"),
                    call(token, DECIMALS, "decimals()"),
                    call(token, TOTAL_SUPPLY, "totalSupply()"),
                    new ContractCall(token, Abi.call("balanceOf", Abi.address(EvmAddress.DEAD)), "balanceOf(0x…dEaD)"),
                    call(token, OWNER, "owner()"),
                    call(token, GET_OWNER, "getOwner()"),
                    call(token, ADMIN, "admin()"),
                    new ContractCall(token, Abi.call("getRoleMemberCount", Abi.bytes32(DEFAULT_ADMIN_ROLE)),
                            "getRoleMemberCount(DEFAULT_ADMIN_ROLE)"));
            List<RpcCall> first = new ArrayList<>();
            first.add(RpcCall.of("eth_blockNumber"));
            first.add(RpcCall.of("eth_getCode", token.toLowerHex(), "latest"));
            for (String slot : List.of(ProxySlots.IMPLEMENTATION, ProxySlots.ADMIN, ProxySlots.BEACON, ProxySlots.PROXIABLE)) {
                first.add(RpcCall.of("eth_getStorageAt", token.toLowerHex(), slot, "latest"));
            }
            first.add(RpcCall.of("ots_getContractCreator", token.toLowerHex()));
            int callsAt = first.size();
            // Standard depth: the DEX factories' getPair calls ride in the same Multicall3 call (no round of their own).
            List<ContractCall> poolCalls = depth == Depth.QUICK ? List.of() : PoolFinder.discoveryCalls(chain, token);
            List<ContractCall> firstCalls = new ArrayList<>(tokenCalls);
            firstCalls.addAll(poolCalls);
            first.addAll(ContractReader.rpcCalls(firstCalls, multicall, "latest"));

            List<RpcReply> replies;
            try {
                replies = session.batch(first);
            } catch (RpcException e) {
                return unreachable("the node could not be read: " + e.getMessage());
            }
            blockNumber = quantity(replies.get(0));
            if (blockNumber != null) {
                block = Hex.quantity(blockNumber);
            }
            byte[] code;
            try {
                code = Hex.bytes(replies.get(1).hexOrThrow());
            } catch (RpcException e) {
                return unreachable("eth_getCode failed: " + e.getMessage());
            }
            if (code.length == 0) {
                throw new NoContractCodeException("no contract code at " + token.toChecksum() + " on " + chain.name()
                        + (blockNumber != null ? " (block " + blockNumber + ")" : "")
                        + ": it is an account, or the contract is not deployed");
            }
            coverage.put("code", Coverage.ran("code"));
            BytecodeReport bytecode = label(BytecodeAnalyzer.analyze(code));
            // Standard depth: the trade simulation and what privilege probing needs of the token alone run beside the
            // next rounds.
            BehaviourCollector.Pending behaviourRun = behaviour.begin(chain, token, depth, session,
                    bytecode.selectors().stream().map(BytecodeReport.Selector::selector).toList());
            coverage.put("bytecode", Coverage.ran("bytecode"));

            List<CallResult> firstResults = contractResults(firstCalls, replies.subList(callsAt, replies.size()), "metadata");
            List<CallResult> tokenResults = firstResults.subList(0, Math.min(tokenCalls.size(), firstResults.size()));
            List<CallResult> poolResults = firstResults.size() == firstCalls.size()
                    ? firstResults.subList(tokenCalls.size(), firstResults.size()) : null;
            // One pool discovery: the simulation is given the pairs found here, and checked against the deepest one.
            behaviourRun.poolsDiscovered(poolResults == null || poolCalls.isEmpty() ? List.of()
                    : PoolFinder.pairs(chain, token, poolResults));

            // ---- proxy pointers ----
            ProxyState proxy = proxyState(bytecode, replies.subList(2, 6));

            // ---- creator (node first, then explorer) ----
            TokenFacts.Creator creator = creator(replies.get(6));

            // ---- standard depth: liquidity and holders run beside the remaining rounds ----
            MarketCollector.Pending marketRun = depth == Depth.QUICK ? null
                    : startMarket(tokenResults, poolResults, creator);
            behaviourRun.usePools(marketRun == null ? null : marketRun.pools());

            // ---- round 2: implementation code, controlling accounts and their probes ----
            Set<EvmAddress> candidates = new LinkedHashSet<>();
            for (String selector : List.of(OWNER, GET_OWNER, ADMIN)) {
                CallResult result = find(tokenResults, selector);
                EvmAddress value = result != null && result.success() ? Abi.address(result.data()) : null;
                if (value != null) {
                    candidates.add(value);
                }
            }
            if (proxy.admin != null) {
                candidates.add(proxy.admin);
            }
            if (proxy.beacon != null) {
                candidates.add(proxy.beacon);
            }
            if (creator != null) {
                candidates.add(EvmAddress.parse(creator.address()));
            }
            candidates.removeIf(EvmAddress::isBurn);

            List<ContractCall> tokenProbes = new ArrayList<>();
            for (EvmAddress candidate : candidates) {
                tokenProbes.add(new ContractCall(token, Abi.call("hasRole", Abi.bytes32(DEFAULT_ADMIN_ROLE),
                        Abi.address(candidate)), "hasRole(DEFAULT_ADMIN_ROLE, " + candidate.toChecksum() + ")"));
            }
            CallResult memberCount = find(tokenResults, ROLE_MEMBER_COUNT);
            BigInteger count = memberCount != null && memberCount.success() ? Abi.uint(memberCount.data()) : null;
            int members = count == null ? 0 : count.min(BigInteger.valueOf(MAX_ROLE_MEMBERS)).intValue();
            for (int i = 0; i < members; i++) {
                tokenProbes.add(new ContractCall(token, Abi.call("getRoleMember", Abi.bytes32(DEFAULT_ADMIN_ROLE),
                        Abi.uint(i)), "getRoleMember(DEFAULT_ADMIN_ROLE, " + i + ")"));
            }

            Map<EvmAddress, AccountProbe> probes = new LinkedHashMap<>();
            List<RpcCall> second = new ArrayList<>();
            EvmAddress implementationToFetch = proxy.beacon == null ? proxy.implementation : null;
            if (implementationToFetch != null) {
                second.add(RpcCall.of("eth_getCode", implementationToFetch.toLowerHex(), block));
            }
            if (proxy.beacon != null) {
                second.add(ContractReader.ethCall(proxy.beacon, Abi.bytes(IMPLEMENTATION), block));
            }
            List<CallResult> roundTwo = probeRound(second, candidates, tokenProbes, probes);
            if (roundTwo == null && proxy.kind != null) {
                proxy.failure = "the implementation could not be read: " + lastFailure;
            }
            if (implementationToFetch != null && roundTwo != null) {
                proxy.implementationCode(lastExtras, 0, this);
            }
            if (proxy.beacon != null && roundTwo != null) {
                RpcReply reply = lastExtras.get(implementationToFetch != null ? 1 : 0);
                EvmAddress implementation = null;
                try {
                    implementation = Abi.address(Hex.bytes(reply.hexOrThrow()));
                } catch (RpcException e) {
                    proxy.failure = "the beacon's implementation() could not be read: " + e.getMessage();
                }
                proxy.evidence.add(new Evidence("call", proxy.beacon.toChecksum(), IMPLEMENTATION,
                        reply.ok() && reply.result() != null ? reply.result().asString("") : String.valueOf(reply.error()),
                        "implementation() of the EIP-1967 beacon"));
                proxy.implementation = implementation;
            }

            // ---- round 3 (only when needed): owners of controlling contracts, role members, beacon implementation ----
            Set<EvmAddress> roleHolders = new LinkedHashSet<>();
            if (roundTwo != null) {
                for (CallResult result : roundTwo) {
                    String label = result.call().label();
                    if (label.startsWith("hasRole") && result.success() && Boolean.TRUE.equals(Abi.bool(result.data()))) {
                        roleHolders.add(EvmAddress.parse(label.substring(label.indexOf(", ") + 2, label.length() - 1)));
                    }
                    if (label.startsWith("getRoleMember(") && result.success()) {
                        EvmAddress member = Abi.address(result.data());
                        if (member != null) {
                            roleHolders.add(member);
                        }
                    }
                }
            }
            Set<EvmAddress> secondLevel = new LinkedHashSet<>(roleHolders);
            for (AccountProbe probe : probes.values()) {
                if (probe.owner != null) {
                    secondLevel.add(probe.owner);
                }
            }
            secondLevel.removeIf(a -> probes.containsKey(a) || a.isBurn());
            List<RpcCall> third = new ArrayList<>();
            boolean fetchBeaconImplementation = proxy.beacon != null && proxy.implementation != null;
            if (fetchBeaconImplementation) {
                third.add(RpcCall.of("eth_getCode", proxy.implementation.toLowerHex(), block));
            }
            if (!secondLevel.isEmpty() || !third.isEmpty()) {
                List<CallResult> roundThree = probeRound(third, secondLevel, List.of(), probes);
                if (fetchBeaconImplementation && roundThree == null) {
                    proxy.failure = "the implementation could not be read: " + lastFailure;
                }
                if (fetchBeaconImplementation && roundThree != null) {
                    proxy.implementationCode(lastExtras, 0, this);
                }
            }

            // ---- assemble ----
            Set<String> effectiveSelectors = new HashSet<>();
            bytecode.selectors().forEach(s -> effectiveSelectors.add(s.selector()));
            boolean selectorsKnown = !bytecode.selectorMethod().equals("NONE");
            if (proxy.kind != null) {
                if (proxy.implementationBytecode != null) {
                    proxy.implementationBytecode.selectors().forEach(s -> effectiveSelectors.add(s.selector()));
                    selectorsKnown = selectorsKnown || !proxy.implementationBytecode.selectorMethod().equals("NONE");
                } else {
                    selectorsKnown = false;
                }
            }
            final boolean known = selectorsKnown;
            java.util.function.Predicate<String> present = selector -> !known || effectiveSelectors.contains(selector);

            TokenFacts.Token tokenFacts = token(tokenResults);
            if (tokenFacts != null) {
                coverage.putIfAbsent("metadata", Coverage.ran("metadata"));
            } else {
                coverage.putIfAbsent("metadata", Coverage.failed("metadata", "the ERC-20 calls got no answer"));
            }
            TokenFacts.Proxy proxyFacts = proxy.facts();
            boolean accessControl = known ? effectiveSelectors.contains(HAS_ROLE)
                    : roundTwo != null && roundTwo.stream().anyMatch(r -> r.call().label().startsWith("hasRole")
                    && r.success() && Abi.bool(r.data()) != null);
            TokenFacts.Ownership ownership = ownership(tokenResults, roundTwo, probes, proxy, roleHolders, present,
                    accessControl);
            if (creator == null && !coverage.containsKey("creator")) {
                coverage.put("creator", Coverage.failed("creator", "no creation record could be read"));
            }
            // Privilege probing needs the owner, roles, creator and selectors found above; liquidity keeps running.
            BehaviourCollector.Outcome behaviourFacts = behaviour.finish(behaviourRun,
                    new BehaviourCollector.Context(tokenFacts, bytecode, proxyFacts, ownership, creator));
            coverage.put("simulation", behaviourFacts.simulationCoverage());
            coverage.put("privileges", behaviourFacts.privilegesCoverage());
            MarketCollector.MarketFacts marketFacts = marketRun == null ? null : marketRun.join();
            if (marketFacts != null) {
                marketFacts.coverage().forEach(entry -> coverage.put(entry.check(), entry));
            }
            for (String later : LATER_CHECKS) {
                coverage.putIfAbsent(later, Coverage.skipped(later, depth == Depth.QUICK
                        ? "not part of quick depth"
                        : "not collected by this data-service version yet"));
            }
            return facts(tokenFacts, bytecode, proxyFacts, ownership, creator, marketFacts, behaviourFacts);
        }

        /** Liquidity and holders (standard depth and beyond), started now to run beside the remaining rounds. */
        MarketCollector.Pending startMarket(List<CallResult> tokenResults, @Nullable List<CallResult> poolResults,
                                            TokenFacts.@Nullable Creator creator) {
            TokenFacts.Token metadata = token(tokenResults);
            EvmAddress owner = null;
            for (String selector : List.of(OWNER, GET_OWNER)) {
                CallResult result = find(tokenResults, selector);
                if (owner == null && result != null && result.success()) {
                    owner = Abi.address(result.data());
                }
            }
            return market.start(new MarketCollector.Request(chain, token, session, multicall, block, blockNumber,
                    metadata != null && metadata.isToken(), metadata == null ? null : metadata.decimals(),
                    metadata == null || metadata.totalSupply() == null ? null : new BigInteger(metadata.totalSupply()),
                    owner, creator == null ? null : EvmAddress.parse(creator.address()),
                    creator == null ? null : creator.transactionHash(), poolResults));
        }

        // ---- round helpers ----

        /** Extra (non-contract) replies of the latest probe round, in the order they were added. */
        List<RpcReply> lastExtras = List.of();
        /** Why the latest probe round failed, if it did. */
        String lastFailure = "";

        /**
         * One batch: {@code extras}, eth_getCode of each account, and one reader call with the account probes and
         * {@code tokenCalls}. Fills {@code probes}; returns the token call results, or null when the round failed.
         */
        @Nullable List<CallResult> probeRound(List<RpcCall> extras, Set<EvmAddress> accounts, List<ContractCall> tokenCalls,
                                              Map<EvmAddress, AccountProbe> probes) {
            List<ContractCall> calls = new ArrayList<>(tokenCalls);
            for (EvmAddress account : accounts) {
                calls.add(call(account, GET_THRESHOLD, "getThreshold()"));
                calls.add(call(account, GET_OWNERS, "getOwners()"));
                calls.add(call(account, GET_MIN_DELAY, "getMinDelay()"));
                calls.add(call(account, DELAY, "delay()"));
                calls.add(call(account, OWNER, "owner()"));
            }
            List<RpcCall> batch = new ArrayList<>(extras);
            for (EvmAddress account : accounts) {
                batch.add(RpcCall.of("eth_getCode", account.toLowerHex(), block));
            }
            int readerAt = batch.size();
            batch.addAll(ContractReader.rpcCalls(calls, multicall, block));
            if (batch.isEmpty()) {
                lastExtras = List.of();
                return List.of();
            }
            List<RpcReply> replies;
            try {
                replies = session.batch(batch);
            } catch (RpcException e) {
                coverage.put("ownership", Coverage.failed("ownership",
                        "controlling accounts could not be read: " + e.getMessage()));
                lastExtras = List.of();
                lastFailure = String.valueOf(e.getMessage());
                return null;
            }
            lastExtras = replies.subList(0, extras.size());
            List<CallResult> results = contractResults(calls, replies.subList(readerAt, replies.size()), "ownership");
            int i = extras.size();
            int probeIndex = tokenCalls.size();
            for (EvmAddress account : accounts) {
                AccountProbe probe = new AccountProbe(account);
                RpcReply codeReply = replies.get(i++);
                try {
                    probe.code = Hex.bytes(codeReply.hexOrThrow());
                } catch (RpcException e) {
                    probe.failure = "eth_getCode failed: " + e.getMessage();
                }
                if (results.size() == calls.size()) {
                    probe.read(results.subList(probeIndex, probeIndex + 5));
                }
                probeIndex += 5;
                probes.put(account, probe);
            }
            return results.size() == calls.size() ? results.subList(0, tokenCalls.size()) : null;
        }

        /** Decodes reader replies, switching to plain batches (one extra round trip) if Multicall3 proves unusable. */
        List<CallResult> contractResults(List<ContractCall> calls, List<RpcReply> replies, String check) {
            try {
                List<CallResult> results = ContractReader.results(calls, multicall, replies);
                String nodeFailure = results.stream().filter(CallResult::nodeFailure).map(CallResult::failure)
                        .findFirst().orElse(null);
                if (nodeFailure != null) {
                    coverage.putIfAbsent(check, Coverage.failed(check, nodeFailure));
                }
                return results;
            } catch (ContractReader.MulticallUnusable unusable) {
                log.warn("Chain {}: {}; using plain JSON-RPC batches instead", chain.name(), unusable.getMessage());
                if (multicall != null) {
                    brokenMulticalls.put(key(multicall), clock.millis() + MULTICALL_RECHECK_MILLIS);
                }
                multicall = null;
                try {
                    List<RpcReply> retry = session.batch(ContractReader.rpcCalls(calls, null, block));
                    return contractResults(calls, retry, check);
                } catch (RpcException e) {
                    coverage.putIfAbsent(check, Coverage.failed(check, e.getMessage()));
                    return List.of();
                }
            }
        }

        // ---- sections ----

        TokenFacts.@Nullable Token token(List<CallResult> results) {
            if (results.isEmpty()) {
                return null;
            }
            List<Evidence> evidence = new ArrayList<>();
            CallResult name = find(results, NAME);
            CallResult symbol = find(results, SYMBOL);
            CallResult decimals = find(results, DECIMALS);
            CallResult supply = find(results, TOTAL_SUPPLY);
            CallResult balance = find(results, BALANCE_OF);
            for (CallResult result : List.of(name, symbol, decimals, supply, balance)) {
                if (result != null) {
                    evidence.add(result.evidence());
                }
            }
            if ((supply != null && supply.nodeFailure()) || (balance != null && balance.nodeFailure())) {
                return null;
            }
            BigInteger totalSupply = supply != null && supply.success() ? Abi.uint(supply.data()) : null;
            BigInteger balanceOf = balance != null && balance.success() ? Abi.uint(balance.data()) : null;
            boolean isToken = totalSupply != null && balanceOf != null
                    && supply.data().length == 32 && balance.data().length == 32;
            String reason = null;
            if (!isToken) {
                reason = totalSupply == null && balanceOf == null
                        ? "totalSupply() and balanceOf(address) do not answer: not an ERC-20 token"
                        : totalSupply == null ? "totalSupply() does not answer like ERC-20"
                        : balanceOf == null ? "balanceOf(address) does not answer like ERC-20"
                        : "totalSupply()/balanceOf(address) return data is not one 32-byte word";
            }
            return new TokenFacts.Token(isToken, reason,
                    name != null && name.success() ? Abi.string(name.data()) : null,
                    symbol != null && symbol.success() ? Abi.string(symbol.data()) : null,
                    decimals != null && decimals.success() ? Abi.uint8(decimals.data()) : null,
                    totalSupply == null ? null : totalSupply.toString(), evidence);
        }

        ProxyState proxyState(BytecodeReport bytecode, List<RpcReply> slots) {
            ProxyState state = new ProxyState();
            String[] names = {"EIP-1967 implementation slot", "EIP-1967 admin slot", "EIP-1967 beacon slot",
                    "EIP-1822 PROXIABLE slot"};
            String[] slotIds = {ProxySlots.IMPLEMENTATION, ProxySlots.ADMIN, ProxySlots.BEACON, ProxySlots.PROXIABLE};
            EvmAddress[] values = new EvmAddress[4];
            for (int i = 0; i < 4; i++) {
                RpcReply reply = slots.get(i);
                try {
                    byte[] word = Hex.bytes(reply.hexOrThrow());
                    if (word.length != 32) {
                        throw new RpcException(RpcException.Kind.MALFORMED, "a storage word is 32 bytes");
                    }
                    EvmAddress value = Abi.slotAddress(word);
                    state.evidence.add(new Evidence("storage", token.toChecksum(), slotIds[i], Abi.hex(word), names[i]
                            + (value == null && !isZero(word) ? " (not an address)" : "")));
                    values[i] = value == null || value.isZero() ? null : value;
                } catch (RpcException e) {
                    state.failure = names[i] + " could not be read: " + e.getMessage();
                }
            }
            if (bytecode.minimalProxyImplementation() != null) {
                state.kind = "eip1167";
                state.implementation = EvmAddress.parse(bytecode.minimalProxyImplementation());
                state.evidence.add(new Evidence("code", token.toChecksum(), null, bytecode.codeHash(),
                        "EIP-1167 minimal proxy runtime"));
            } else if (values[2] != null) {
                state.kind = "eip1967-beacon";
                state.beacon = values[2];
            } else if (values[0] != null) {
                state.kind = "eip1967";
                state.implementation = values[0];
            } else if (values[3] != null) {
                state.kind = "eip1822";
                state.implementation = values[3];
            }
            state.admin = values[1];
            return state;
        }

        TokenFacts.@Nullable Creator creator(RpcReply reply) {
            if (reply.ok()) {
                JsonNode result = reply.result();
                if (result != null && result.isObject()) {
                    EvmAddress creator = EvmAddress.tryParse(result.path("creator").asString(""));
                    String hash = result.path("hash").asString("");
                    if (creator != null) {
                        coverage.put("creator", Coverage.ran("creator"));
                        return new TokenFacts.Creator(creator.toChecksum(),
                                Hex.isHex(hash) && hash.length() == 66 ? hash : null, "ots_getContractCreator",
                                List.of(new Evidence("rpc", token.toChecksum(), "ots_getContractCreator",
                                        result.toString(), "creator as recorded by the node")));
                    }
                    coverage.put("creator", Coverage.failed("creator", "ots_getContractCreator reply is malformed"));
                    return null;
                }
                if (result == null || result.isNull()) {
                    return fromExplorer("the node has no creation record (genesis allocation or injected code)");
                }
                coverage.put("creator", Coverage.failed("creator", "ots_getContractCreator reply is malformed"));
                return null;
            }
            RpcError error = reply.error();
            String why = error != null && error.methodNotFound()
                    ? "the node has no otterscan API (ots_getContractCreator)"
                    : "ots_getContractCreator failed: " + (error == null ? "unknown" : error.message());
            return fromExplorer(why);
        }

        TokenFacts.@Nullable Creator fromExplorer(String nodeReason) {
            Chain.Explorer configured = chain.explorer();
            if (configured == null || !configured.usable()) {
                coverage.put("creator", Coverage.skipped("creator", nodeReason + ", and "
                        + (configured == null ? "no explorer API is configured" : "the explorer API key is not configured")));
                return null;
            }
            try {
                Optional<ExplorerClient.Creation> creation = explorer.contractCreation(chain, token, explorerCalls);
                if (creation.isEmpty()) {
                    coverage.put("creator", Coverage.skipped("creator", nodeReason + ", and the explorer has no record"));
                    return null;
                }
                coverage.put("creator", Coverage.ran("creator"));
                ExplorerClient.Creation found = creation.get();
                return new TokenFacts.Creator(found.creator().toChecksum(), found.transactionHash(), "explorer",
                        List.of(new Evidence("explorer", token.toChecksum(), "getcontractcreation",
                                found.creator().toChecksum() + (found.transactionHash() == null ? ""
                                        : " in " + found.transactionHash()), found.url())));
            } catch (ExplorerClient.ExplorerException e) {
                coverage.put("creator", Coverage.failed("creator", nodeReason + "; explorer: " + e.getMessage()));
                return null;
            }
        }

        TokenFacts.@Nullable Ownership ownership(List<CallResult> tokenResults, @Nullable List<CallResult> roundTwo,
                                                 Map<EvmAddress, AccountProbe> probes, ProxyState proxy,
                                                 Set<EvmAddress> roleHolders,
                                                 java.util.function.Predicate<String> present,
                                                 boolean accessControl) {
            if (tokenResults.isEmpty()) {
                coverage.putIfAbsent("ownership", Coverage.failed("ownership", "the token's owner calls did not run"));
                return null;
            }
            List<Evidence> evidence = new ArrayList<>();
            List<TokenFacts.Privileged> privileged = new ArrayList<>();
            TokenFacts.Account owner = null;
            String ownerSource = null;
            for (String selector : List.of(OWNER, GET_OWNER, ADMIN)) {
                CallResult result = find(tokenResults, selector);
                if (result == null || !present.test(selector)) {
                    continue;
                }
                evidence.add(result.evidence());
                EvmAddress value = result.success() ? Abi.address(result.data()) : null;
                if (value == null) {
                    continue;
                }
                TokenFacts.Account account = account(value, probes, 0);
                if (owner == null) {
                    owner = account;
                    ownerSource = result.call().label();
                }
                if (!value.isBurn()) {
                    privileged.add(new TokenFacts.Privileged(result.call().label(), account));
                }
            }
            if (proxy.admin != null) {
                privileged.add(new TokenFacts.Privileged("EIP-1967 admin slot", account(proxy.admin, probes, 0)));
            }
            if (proxy.beacon != null) {
                privileged.add(new TokenFacts.Privileged("EIP-1967 beacon (its owner can upgrade)",
                        account(proxy.beacon, probes, 0)));
            }
            if (roundTwo != null) {
                for (CallResult result : roundTwo) {
                    if (accessControl || !result.call().label().startsWith("hasRole")) {
                        evidence.add(result.evidence());
                    }
                }
            }
            if (accessControl) {
                for (EvmAddress holder : roleHolders) {
                    privileged.add(new TokenFacts.Privileged("DEFAULT_ADMIN_ROLE", account(holder, probes, 0)));
                }
            }
            for (AccountProbe probe : probes.values()) {
                evidence.addAll(probe.evidence());
            }
            if (!coverage.containsKey("ownership")) {
                String failure = probes.values().stream().map(p -> p.failure).filter(java.util.Objects::nonNull)
                        .findFirst().orElse(null);
                coverage.put("ownership", failure == null ? Coverage.ran("ownership")
                        : Coverage.failed("ownership", "an account's kind could not be read: " + failure));
            }
            boolean renounced = owner != null && EvmAddress.parse(owner.address()).isBurn();
            return new TokenFacts.Ownership(owner, ownerSource, renounced, accessControl, merged(privileged), evidence);
        }

        /** One entry per account: an owner that is also a role admin is listed once, with both ways it controls. */
        List<TokenFacts.Privileged> merged(List<TokenFacts.Privileged> privileged) {
            Map<String, TokenFacts.Privileged> byAddress = new LinkedHashMap<>();
            for (TokenFacts.Privileged entry : privileged) {
                byAddress.merge(entry.account().address(), entry,
                        (first, next) -> new TokenFacts.Privileged(first.via() + ", " + next.via(), first.account()));
            }
            return List.copyOf(byAddress.values());
        }

        TokenFacts.Account account(EvmAddress address, Map<EvmAddress, AccountProbe> probes, int depthLevel) {
            String label = chain.label(address).orElse(null);
            if (address.isBurn()) {
                return new TokenFacts.Account(address.toChecksum(), "burn", label, null, null, null);
            }
            AccountProbe probe = probes.get(address);
            if (probe == null || probe.code == null) {
                return new TokenFacts.Account(address.toChecksum(), "unknown", label, null, null, null);
            }
            TokenFacts.Account owner = null;
            if (probe.owner != null && depthLevel == 0 && !probe.owner.equals(address) && probe.isContract()) {
                owner = account(probe.owner, probes, 1);
            }
            return new TokenFacts.Account(address.toChecksum(), probe.kind(), label, probe.multisig(), probe.timelock(),
                    owner);
        }

        // ---- results ----

        TokenFacts unreachable(String reason) {
            coverage.put("code", Coverage.failed("code", reason));
            for (String check : List.of("metadata", "bytecode", "proxy", "ownership", "creator")) {
                coverage.put(check, Coverage.failed(check, "the contract code could not be read"));
            }
            for (String later : LATER_CHECKS) {
                coverage.put(later, Coverage.skipped(later, depth == Depth.QUICK ? "not part of quick depth"
                        : "not collected by this data-service version yet"));
            }
            return facts(null, null, null, null, null, null, null);
        }

        TokenFacts facts(TokenFacts.@Nullable Token tokenFacts, @Nullable BytecodeReport bytecode,
                         TokenFacts.@Nullable Proxy proxy, TokenFacts.@Nullable Ownership ownership,
                         TokenFacts.@Nullable Creator creator, MarketCollector.@Nullable MarketFacts market,
                         BehaviourCollector.@Nullable Outcome behaviour) {
            java.time.Instant collectedAt = clock.instant();
            List<ai.kaizen.data.signals.Signal> signals = new ArrayList<>(signals(market, behaviour));
            if (bytecode != null && depth != Depth.QUICK) {
                CodeIndex.Outcome clone = codeIndex.check(chain.name(), token.toChecksum(), bytecode,
                        proxy == null ? null : proxy.kind(), signals, collectedAt);
                coverage.put(CodeIndex.CHECK, clone.coverage());
                clone.signal().ifPresent(signals::add);
            }
            List<Coverage> entries = new ArrayList<>();
            for (String check : List.of("code", "metadata", "bytecode", "proxy", "ownership", "creator")) {
                entries.add(coverage.getOrDefault(check, Coverage.failed(check, "did not run")));
            }
            for (String later : LATER_CHECKS) {
                entries.add(coverage.get(later));
            }
            // Any other check recorded (e.g. the time-series append), in the order it was recorded.
            Set<String> listed = new HashSet<>();
            entries.forEach(entry -> listed.add(entry.check()));
            coverage.values().stream().filter(entry -> !listed.contains(entry.check())).forEach(entries::add);
            // The time-series append is bookkeeping, not a fact: its failure does not make the facts incomplete.
            boolean complete = entries.stream().filter(entry -> !entry.check().equals("timeseries"))
                    .noneMatch(Coverage::isFailed);
            return new TokenFacts(chain.name(), chain.chainId(), token.toChecksum(), depth.label(),
                    collectedAt, blockNumber, complete, tokenFacts, bytecode, proxy, ownership, creator,
                    market == null ? null : market.liquidity(), market == null ? null : market.distribution(),
                    behaviour == null ? null : behaviour.simulation(), behaviour == null ? null : behaviour.privileges(),
                    List.copyOf(signals), List.copyOf(entries),
                    new TokenFacts.Rpc(session.roundTrips(), session.sequentialRoundTrips(), session.calls(),
                            explorerCalls.get()));
        }

        /** Behaviour signals first (simulation, privileges, proxy, ownership), then liquidity and holders. */
        List<ai.kaizen.data.signals.Signal> signals(MarketCollector.@Nullable MarketFacts market,
                                                    BehaviourCollector.@Nullable Outcome behaviour) {
            List<ai.kaizen.data.signals.Signal> all = new ArrayList<>();
            if (behaviour != null) {
                all.addAll(behaviour.signals());
            }
            if (market != null) {
                all.addAll(market.signals());
            }
            return List.copyOf(all);
        }

        BytecodeReport label(BytecodeReport report) {
            List<BytecodeReport.HardcodedAddress> labelled = report.hardcodedAddresses().stream()
                    .map(a -> new BytecodeReport.HardcodedAddress(a.address(), a.offset(),
                            chain.label(EvmAddress.parse(a.address())).orElse(null)))
                    .toList();
            return new BytecodeReport(report.size(), report.codeHash(), report.executableHash(), report.compiler(),
                    report.selectors(), report.selectorMethod(), report.opcodes(), labelled,
                    report.minimalProxyImplementation(), report.delegationDesignator(), report.truncatedPush());
        }

        /** Mutable proxy findings while rounds come in. */
        final class ProxyState {
            @Nullable String kind;
            @Nullable EvmAddress implementation;
            @Nullable EvmAddress admin;
            @Nullable EvmAddress beacon;
            @Nullable BytecodeReport implementationBytecode;
            @Nullable String failure;
            final List<Evidence> evidence = new ArrayList<>();

            void implementationCode(List<RpcReply> extras, int index, Run run) {
                if (extras.size() <= index || implementation == null) {
                    return;
                }
                try {
                    byte[] code = Hex.bytes(extras.get(index).hexOrThrow());
                    evidence.add(new Evidence("code", implementation.toChecksum(), null,
                            code.length == 0 ? "0x" : BytecodeAnalyzerHash.of(code), "implementation code"));
                    if (code.length == 0) {
                        return;
                    }
                    implementationBytecode = run.label(BytecodeAnalyzer.analyze(code));
                } catch (RpcException e) {
                    failure = "the implementation's code could not be read: " + e.getMessage();
                }
            }

            TokenFacts.Proxy facts() {
                if (failure != null) {
                    coverage.put("proxy", Coverage.failed("proxy", failure));
                } else if (kind != null && implementation != null && implementationBytecode == null) {
                    coverage.put("proxy", Coverage.ran("proxy", "the implementation " + implementation.toChecksum()
                            + " has no code"));
                } else {
                    coverage.put("proxy", Coverage.ran("proxy"));
                }
                String effectiveKind = kind == null ? "none" : kind;
                boolean upgradeable = !effectiveKind.equals("none") && !effectiveKind.equals("eip1167");
                return new TokenFacts.Proxy(effectiveKind, upgradeable,
                        implementation == null ? null : implementation.toChecksum(),
                        admin == null ? null : admin.toChecksum(), beacon == null ? null : beacon.toChecksum(),
                        implementationBytecode, List.copyOf(evidence));
            }
        }
    }

    /** What one probe round found about one account. */
    static final class AccountProbe {
        final EvmAddress address;
        byte @Nullable [] code;
        @Nullable String failure;
        @Nullable Long threshold;
        @Nullable List<EvmAddress> safeOwners;
        @Nullable Long minDelay;
        @Nullable String delaySource;
        @Nullable EvmAddress owner;
        final List<Evidence> evidence = new ArrayList<>();

        AccountProbe(EvmAddress address) {
            this.address = address;
        }

        void read(List<CallResult> results) {
            CallResult threshold = results.get(0);
            CallResult owners = results.get(1);
            CallResult minDelay = results.get(2);
            CallResult delay = results.get(3);
            CallResult owner = results.get(4);
            BigInteger thresholdValue = threshold.success() ? Abi.uint(threshold.data()) : null;
            List<EvmAddress> ownersValue = owners.success() ? Abi.addressArray(owners.data()) : null;
            if (thresholdValue != null && ownersValue != null && thresholdValue.signum() > 0
                    && thresholdValue.compareTo(BigInteger.valueOf(ownersValue.size())) <= 0) {
                this.threshold = thresholdValue.longValueExact();
                this.safeOwners = ownersValue.subList(0, Math.min(MAX_SAFE_OWNERS, ownersValue.size()));
                evidence.add(threshold.evidence());
                evidence.add(owners.evidence());
            }
            BigInteger minDelayValue = minDelay.success() ? Abi.uint(minDelay.data()) : null;
            BigInteger delayValue = delay.success() ? Abi.uint(delay.data()) : null;
            BigInteger tenYears = BigInteger.valueOf(10L * 365 * 24 * 3600);
            if (minDelayValue != null && minDelayValue.compareTo(tenYears) <= 0) {
                this.minDelay = minDelayValue.longValue();
                this.delaySource = "getMinDelay()";
                evidence.add(minDelay.evidence());
            } else if (delayValue != null && delayValue.compareTo(tenYears) <= 0) {
                this.minDelay = delayValue.longValue();
                this.delaySource = "delay()";
                evidence.add(delay.evidence());
            }
            EvmAddress ownerValue = owner.success() ? Abi.address(owner.data()) : null;
            if (ownerValue != null) {
                this.owner = ownerValue;
                evidence.add(owner.evidence());
            }
        }

        boolean isContract() {
            return code != null && code.length > 0 && !ai.kaizen.data.bytecode.MinimalProxy.delegationDesignator(code).isPresent();
        }

        String kind() {
            if (code == null) {
                return "unknown";
            }
            if (code.length == 0) {
                return "eoa";
            }
            if (ai.kaizen.data.bytecode.MinimalProxy.delegationDesignator(code).isPresent()) {
                return "eoa-delegated";
            }
            if (threshold != null) {
                return "multisig";
            }
            if (minDelay != null) {
                return "timelock";
            }
            return "contract";
        }

        TokenFacts.@Nullable Multisig multisig() {
            return threshold == null || safeOwners == null || !isContract() ? null
                    : new TokenFacts.Multisig(threshold, safeOwners.stream().map(EvmAddress::toChecksum).toList());
        }

        TokenFacts.@Nullable Timelock timelock() {
            return minDelay == null || threshold != null || !isContract() ? null
                    : new TokenFacts.Timelock(minDelay, delaySource == null ? "getMinDelay()" : delaySource);
        }

        List<Evidence> evidence() {
            List<Evidence> out = new ArrayList<>();
            if (code != null) {
                out.add(new Evidence("code", address.toChecksum(), null,
                        code.length == 0 ? "0x" : BytecodeAnalyzerHash.of(code), "account code"));
            }
            if (isContract()) {
                out.addAll(evidence);
            }
            return out;
        }
    }

    static ContractCall call(EvmAddress target, String selector, String label) {
        return new ContractCall(target, Abi.bytes(selector), label);
    }

    static @Nullable CallResult find(List<CallResult> results, String selector) {
        for (CallResult result : results) {
            byte[] data = result.call().data();
            if (data.length >= 4 && Abi.hex(java.util.Arrays.copyOf(data, 4)).equals(selector)) {
                return result;
            }
        }
        return null;
    }

    static @Nullable Long quantity(RpcReply reply) {
        try {
            return Hex.quantity(reply.hexOrThrow()).longValueExact();
        } catch (RpcException | ArithmeticException e) {
            return null;
        }
    }

    static boolean isZero(byte[] word) {
        for (byte b : word) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** keccak256 of code, as evidence. */
    static final class BytecodeAnalyzerHash {
        static String of(byte[] code) {
            return "keccak256 " + Hex.of(EvmAddress.keccak256(code));
        }
    }
}
