package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.bytecode.SelectorLabels;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.simulation.ProbeAbi;
import ai.kaizen.data.simulation.TradeSimulator;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Privilege probing in at most four rounds:
 * <ol>
 * <li>every (caller, selector, argument shape) traced with the prestate tracer in diff mode; a check of the world
 * as it is, per caller; a call trace of that check (external calls during transfers); the argument-less answers of
 * every selector;</li>
 * <li>for every call that changed state: the check again with its diff applied as overrides, and its call trace
 * with logs (Transfer from 0x0, SELFDESTRUCT);</li>
 * <li>second stage, only after a call that blacklisted the victim or took ownership back: the same caller's calls
 * traced again in the world that call left; with them, the ladders of settings of every tax setter found so far,
 * each a single call that ends in a check ({@link TaxLadder});</li>
 * <li>the checks of those.</li>
 * </ol>
 * A tax setter only the second stage finds keeps an unmeasured cap (counted as none by the score): measuring it
 * would take one more round on every such token.
 * The rules that turn checks into capabilities are in {@link Findings}.
 */
public final class PrivilegeProber {

    static final int MAX_SELECTORS = 64;
    static final int MAX_CALLERS = 8;
    static final int MAX_EFFECTS_PER_SELECTOR = 3;
    static final int MAX_CHECKS = 192;
    static final int MAX_STAGE_PARENTS = 4;
    static final long PROBE_GAS = 5_000_000;
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String ZERO_TOPIC = "0x" + "0".repeat(64);
    /** Standard ERC-20 functions: their effects are a holder's own business, not a privilege. */
    static final Set<String> STANDARD = Set.of(
            "transfer(address,uint256)", "transferFrom(address,address,uint256)", "approve(address,uint256)",
            "increaseAllowance(address,uint256)", "decreaseAllowance(address,uint256)",
            "permit(address,address,uint256,uint256,uint8,bytes32,bytes32)", "name()", "symbol()", "decimals()",
            "totalSupply()", "balanceOf(address)", "allowance(address,address)", "nonces(address)",
            "DOMAIN_SEPARATOR()", "eip712Domain()").stream().map(SelectorLabels::selector)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /**
     * @param token     the token (the proxy, for proxies)
     * @param routes    DEX routers, factories and quote tokens (checks trade through them)
     * @param callers   who to call as (a fresh control address is added)
     * @param selectors the dispatcher's selectors (the implementation's for proxies)
     * @param slot      the balance mapping, when found; otherwise the victim buys its tokens
     * @param fund      the victim's balance when funded through storage
     * @param known     addresses that are not "unknown contracts" (pool, DEX, quote tokens, implementation)
     * @param views     calldata that ran under STATICCALL for a fresh caller ({@link #viewFilter}): not traced
     */
    public record Inputs(EvmAddress token, ProbeAbi.Routes routes, List<PrivilegeReport.Caller> callers,
                         List<String> selectors, BalanceSlots.@Nullable Slot slot, BigInteger fund,
                         Set<EvmAddress> known, Set<String> views) {
    }

    /** One eth_call that tells which probe calls are views, and how to read its answer. */
    public record ViewFilter(RpcCall call, List<String> calldata) {

        /** The calldata that succeeded under STATICCALL; empty when the call failed (then everything is traced). */
        public Set<String> views(RpcReply reply) {
            ProbeAbi.Result result = reply.ok() && reply.result() != null
                    ? TradeSimulator.decode(reply.result(), false) : null;
            if (result == null || result.out().size() != calldata.size()) {
                return Set.of();
            }
            Set<String> views = new java.util.HashSet<>();
            for (int i = 0; i < calldata.size(); i++) {
                if (result.flag(i)) {
                    views.add(calldata.get(i));
                }
            }
            return Set.copyOf(views);
        }
    }

    /**
     * The view filter for the selectors known before the facts' later rounds (the token's own dispatcher): every
     * probe call of every selector, each run under STATICCALL by a fresh address. A call that changes no state and
     * does not revert for anyone is a getter; tracing it as each caller would only cost time.
     */
    public static ViewFilter viewFilter(EvmAddress token, List<String> selectors) {
        List<String> calldata = new ArrayList<>();
        for (String selector : selectors.stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct()
                .filter(s -> !STANDARD.contains(s)).limit(MAX_SELECTORS).toList()) {
            for (ArgumentShapes.Shape shape : ArgumentShapes.all(ProbeWallets.VICTIM)) {
                calldata.add(shape.calldata(selector));
            }
        }
        List<byte[]> calls = calldata.stream().map(c -> java.util.HexFormat.of().parseHex(c.substring(2))).toList();
        RpcCall call = RpcCall.of("eth_call", Map.of("from", ProbeWallets.NOBODY.toLowerHex(), "to",
                ProbeWallets.NOBODY.toLowerHex(), "data", ProbeAbi.staticProbe(token, calls), "gas",
                Hex.quantity(Math.min(30_000_000L, 2_000_000L + 1_100_000L * calls.size()))), "latest",
                Map.of(ProbeWallets.NOBODY.toLowerHex(), Map.of("code", ai.kaizen.data.simulation.ProbeCode.runtime())));
        return new ViewFilter(call, List.copyOf(calldata));
    }

    /** One traced call. */
    record Probe(EvmAddress caller, String selector, ArgumentShapes.Shape shape, int stage, @Nullable Effect parent) {

        String calldata() {
            return shape.calldata(selector);
        }
    }

    /** A tax capability (at {@code index} in the capabilities), the effect that proved it and the check before. */
    record TaxSetter(int index, String code, Effect effect, Check before) {

        String key() {
            return code + "|" + effect.probe().caller() + "|" + effect.probe().selector();
        }
    }

    /** A probe that changed state: its diff, and the diffs of the calls before it (second stage). */
    record Effect(Probe probe, StateDiff diff, List<StateDiff> earlier) {

        /** The world the probe ran in, on top of {@code base}. */
        Map<String, Object> world(Map<String, Object> base) {
            Map<String, Object> world = base;
            for (StateDiff earlierDiff : earlier) {
                world = earlierDiff.applyTo(world);
            }
            return world;
        }

        /** The world after the probe, on top of {@code base}. */
        Map<String, Object> after(Map<String, Object> base) {
            return diff.applyTo(world(base));
        }

        List<StateDiff> chain() {
            List<StateDiff> chain = new ArrayList<>(earlier);
            chain.add(diff);
            return chain;
        }
    }

    private final RpcRounds rpc;
    private final Inputs in;
    private final Map<String, Object> base;
    private final Map<String, Object> traceBase;
    private final boolean fundByBuying;
    private final Map<EvmAddress, PrivilegeReport.Caller> callers = new LinkedHashMap<>();
    private final List<String> selectors;
    private final List<PrivilegeReport.Capability> capabilities = new ArrayList<>();
    private final List<PrivilegeReport.StateChange> stateChanges = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final Map<Effect, List<String>> codesByEffect = new java.util.IdentityHashMap<>();
    private final List<TaxSetter> taxSetters = new ArrayList<>();
    private int traced;
    private int skippedViews;

    private PrivilegeProber(RpcRounds rpc, Inputs in) {
        this.rpc = rpc;
        this.in = in;
        this.base = Check.checkOverrides(in.token(), in.slot(), in.fund());
        this.traceBase = Check.traceOverrides(in.token(), in.slot(), in.fund());
        this.fundByBuying = in.slot() == null;
        for (PrivilegeReport.Caller caller : in.callers()) {
            if (callers.size() < MAX_CALLERS) {
                callers.putIfAbsent(EvmAddress.parse(caller.address()), caller);
            }
        }
        callers.put(ProbeWallets.NOBODY, new PrivilegeReport.Caller(ProbeWallets.NOBODY.toChecksum(),
                List.of("control: a fresh address"), false, null, false, false));
        this.selectors = in.selectors().stream().map(s -> s.toLowerCase(Locale.ROOT)).distinct()
                .filter(s -> !STANDARD.contains(s)).limit(MAX_SELECTORS).toList();
    }

    public static PrivilegeReport probe(RpcRounds rpc, Inputs in) {
        return new PrivilegeProber(rpc, in).run();
    }

    private PrivilegeReport run() {
        int roundsBefore = rpc.rounds();
        PrivilegeReport.Victim victim = new PrivilegeReport.Victim(ProbeWallets.VICTIM.toChecksum(),
                in.slot() != null ? "storage override of the balance " + in.slot().describe()
                        : "bought through the pool (no balance mapping found)",
                in.slot() != null ? in.fund().toString() : null);
        List<PrivilegeReport.Caller> callerList = List.copyOf(callers.values());

        // ---- round 1 ----
        List<Probe> probes = new ArrayList<>();
        for (EvmAddress caller : callers.keySet()) {
            for (String selector : selectors) {
                for (ArgumentShapes.Shape shape : ArgumentShapes.all(ProbeWallets.VICTIM)) {
                    if (in.views().contains(shape.calldata(selector))) {
                        skippedViews++;
                        continue;
                    }
                    probes.add(new Probe(caller, selector, shape, 1, null));
                }
            }
        }
        List<RpcCall> calls = new ArrayList<>();
        for (Probe probe : probes) {
            calls.add(trace(probe, traceBase, prestate()));
        }
        int baselineAt = calls.size();
        for (EvmAddress caller : callers.keySet()) {
            calls.add(Check.call(in.token(), in.routes(), caller, fundByBuying, base));
        }
        int checkTraceAt = calls.size();
        RpcCall nobodyCheck = Check.call(in.token(), in.routes(), ProbeWallets.NOBODY, fundByBuying, base);
        calls.add(RpcCall.of("debug_traceCall", nobodyCheck.params().get(0), "latest",
                Map.of("tracer", "callTracer", "stateOverrides", base)));
        int viewsAt = calls.size();
        for (String selector : selectors) {
            calls.add(RpcCall.of("eth_call", Map.of("from", ProbeWallets.NOBODY.toLowerHex(), "to",
                    in.token().toLowerHex(), "data", selector, "gas", Hex.quantity(1_000_000)), "latest"));
        }
        List<RpcReply> replies = rpc.round(calls);
        traced += probes.size();

        Map<EvmAddress, Check> baseline = new LinkedHashMap<>();
        int i = baselineAt;
        String checkFailure = null;
        for (EvmAddress caller : callers.keySet()) {
            RpcReply reply = replies.get(i++);
            Check check = decodeCheck(reply);
            if (check == null) {
                checkFailure = reply.ok() ? "its result is malformed" : reply.error().message();
            } else {
                baseline.put(caller, check);
            }
        }
        Check reference = baseline.get(ProbeWallets.NOBODY);
        if (reference == null) {
            return failed("the check of the token before any probe failed: " + checkFailure, victim, callerList,
                    roundsBefore);
        }
        evidence.add(new Evidence("simulation", ProbeWallets.VICTIM.toChecksum(), "check() before any probe",
                reference.summary(), "the world before probing"));
        if (!probes.isEmpty() && replies.subList(0, probes.size()).stream().allMatch(r -> !r.ok())) {
            RpcReply first = replies.getFirst();
            return failed("debug_traceCall failed for every probe: " + first.error().message()
                    + (first.error().methodNotFound() ? " (the node has no debug API)" : ""), victim, callerList,
                    roundsBefore);
        }
        List<PrivilegeReport.ExternalCall> external = externalCalls(replies.get(checkTraceAt));
        Map<String, String> views = new LinkedHashMap<>();
        for (int v = 0; v < selectors.size(); v++) {
            RpcReply reply = replies.get(viewsAt + v);
            if (reply.ok() && reply.result() != null && reply.result().isString()) {
                String hex = reply.result().stringValue();
                if (hex.length() == 66 && Hex.isHex(hex)) {
                    views.put(selectors.get(v), new BigInteger(hex.substring(2), 16).toString());
                }
            }
        }

        List<Effect> effects = effects(probes, replies.subList(0, probes.size()), List.of());

        // ---- round 2 ----
        Map<Effect, Check> afterStage1 = examine(effects, baseline::get);

        // ---- rounds 3 and 4: second stage after a blacklist or an ownership take-back ----
        List<Probe> second = new ArrayList<>();
        Map<Effect, List<Probe>> byParent = new java.util.IdentityHashMap<>();
        List<Effect> parents = new ArrayList<>();
        for (Effect parent : effects) {
            if (byParent.size() >= MAX_STAGE_PARENTS) {
                break;
            }
            if (!afterStage1.containsKey(parent)) {
                continue;
            }
            String parentCode = stageTwoReason(parent);
            if (parentCode == null) {
                continue;
            }
            List<ArgumentShapes.Shape> shapes = parentCode.equals("blacklist")
                    ? ArgumentShapes.victimOnly(ProbeWallets.VICTIM) : ArgumentShapes.all(ProbeWallets.VICTIM);
            List<Probe> children = new ArrayList<>();
            for (String selector : selectors) {
                if (selector.equals(parent.probe().selector())) {
                    continue;
                }
                for (ArgumentShapes.Shape shape : shapes) {
                    if (!in.views().contains(shape.calldata(selector))) {
                        children.add(new Probe(parent.probe().caller(), selector, shape, 2, parent));
                    }
                }
            }
            byParent.put(parent, children);
            parents.add(parent);
            second.addAll(children);
        }
        // The ladders of the tax setters found so far ride along with the second stage's traces.
        Ceilings early = new Ceilings(List.copyOf(taxSetters));
        List<RpcCall> traces = new ArrayList<>();
        for (Probe probe : second) {
            traces.add(trace(probe, probe.parent().after(traceBase), prestate()));
        }
        int laddersAt = traces.size();
        traces.addAll(early.calls());
        List<RpcReply> secondReplies = rpc.round(traces);
        early.apply(secondReplies.subList(laddersAt, secondReplies.size()));
        traced += second.size();
        List<Effect> secondEffects = new ArrayList<>();
        int at = 0;
        for (Effect parent : parents) {
            List<Probe> children = byParent.get(parent);
            secondEffects.addAll(effects(children, secondReplies.subList(at, at + children.size()),
                    parent.chain()));
            at += children.size();
        }
        examine(secondEffects, rpc.round(examineCalls(secondEffects)), caller -> null, afterStage1);

        return new PrivilegeReport("ran", null, victim, callerList, selectors.size(), traced, skippedViews,
                List.copyOf(capabilities), List.copyOf(stateChanges), external, views, rpc.rounds() - roundsBefore,
                List.copyOf(evidence));
    }

    /** Which second stage a stage-one effect opens (blacklist, ownership_takeback), or null. */
    private @Nullable String stageTwoReason(Effect effect) {
        List<String> codes = codesByEffect.getOrDefault(effect, List.of());
        return codes.contains("blacklist") ? "blacklist" : codes.contains("ownership_takeback") ? "ownership_takeback"
                : null;
    }

    /** The probes that changed state (merged when a caller's selector had the same effect under several shapes). */
    private List<Effect> effects(List<Probe> probes, List<RpcReply> replies, List<StateDiff> earlier) {
        List<Effect> effects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Map<String, Integer> perSelector = new LinkedHashMap<>();
        for (int p = 0; p < probes.size(); p++) {
            Probe probe = probes.get(p);
            RpcReply reply = replies.get(p);
            StateDiff diff = reply.ok() ? StateDiff.parse(reply.result()) : null;
            if (diff == null || !diff.hasEffect(probe.caller())) {
                continue;
            }
            String key = probe.caller() + "|" + probe.selector();
            if (!seen.add(key + "|" + diff.fingerprint(probe.caller()))
                    || perSelector.merge(key, 1, Integer::sum) > MAX_EFFECTS_PER_SELECTOR) {
                continue;
            }
            effects.add(new Effect(probe, diff, earlier));
        }
        return effects.size() > MAX_CHECKS ? effects.subList(0, MAX_CHECKS) : effects;
    }

    private Map<Effect, Check> examine(List<Effect> effects, java.util.function.Function<EvmAddress, Check> baselines) {
        return examine(effects, rpc.round(examineCalls(effects)), baselines, Map.of());
    }

    /** For each effect: a check of the world after it, and its call trace. */
    private List<RpcCall> examineCalls(List<Effect> effects) {
        List<RpcCall> calls = new ArrayList<>();
        for (Effect effect : effects) {
            calls.add(Check.call(in.token(), in.routes(), effect.probe().caller(), fundByBuying, effect.after(base)));
            calls.add(trace(effect.probe(), effect.world(traceBase), Map.of("tracer", "callTracer",
                    "tracerConfig", Map.of("withLog", true))));
        }
        return calls;
    }

    /** Reads the checks and traces of {@link #examineCalls}; records state changes and capabilities. */
    private Map<Effect, Check> examine(List<Effect> effects, List<RpcReply> replies,
                                       java.util.function.Function<EvmAddress, Check> baselines,
                                       Map<Effect, Check> parentChecks) {
        Map<Effect, Check> after = new java.util.IdentityHashMap<>();
        for (int e = 0; e < effects.size(); e++) {
            Effect effect = effects.get(e);
            Probe probe = effect.probe();
            Check check = decodeCheck(replies.get(2 * e));
            RpcReply traceReply = replies.get(2 * e + 1);
            List<StateDiff.Slot> tokenSlots = effect.diff().slots(in.token());
            String label = SelectorLabels.label(probe.selector());
            if (!probe.caller().equals(ProbeWallets.NOBODY) || !tokenSlots.isEmpty()) {
                stateChanges.add(new PrivilegeReport.StateChange(probe.selector(), label,
                        probe.caller().toChecksum(), probe.shape().arguments(), probe.stage(), tokenSlots));
            }
            Check before = probe.parent() == null ? baselines.apply(probe.caller()) : parentChecks.get(probe.parent());
            if (check == null || before == null) {
                continue;
            }
            after.put(effect, check);
            Findings.TraceFacts facts = traceFacts(traceReply);
            List<String> codes = new ArrayList<>();
            for (Findings.Finding finding : Findings.classify(before, check, probe.caller(), facts)) {
                capabilities.add(capability(finding, effect, before, check, facts, tokenSlots));
                codes.add(finding.code());
                if (finding.code().equals("tax_modifiable") || finding.code().equals("per_address_tax")) {
                    taxSetters.add(new TaxSetter(capabilities.size() - 1, finding.code(), effect, before));
                }
            }
            codesByEffect.put(effect, codes);
        }
        return after;
    }

    /**
     * The highest tax some tax setters allow, in one round: per variant of each setter, three ladder calls (see
     * {@link TaxLadder#orders}), each sending the settings in turn as the caller and checking the world afterwards.
     * Every capability of the same caller and selector gets {@code maxBps}; a setter whose arguments cannot be varied
     * gets none (an unmeasured cap, which the score counts as no cap).
     */
    private final class Ceilings {

        /** One ladder call: a setter's variant with its settings in the order sent. */
        private record Run(TaxSetter setter, TaxLadder.Variant variant, List<BigInteger> settings) {

            String calldata(BigInteger setting) {
                return variant.at(setting).calldata(setter.effect().probe().selector());
            }
        }

        private final List<Run> runs = new ArrayList<>();

        /** The ladders of these setters (one per caller, selector and code). */
        Ceilings(List<TaxSetter> setters) {
            Set<String> laddered = new HashSet<>();
            for (TaxSetter setter : setters) {
                List<TaxLadder.Variant> variants = TaxLadder.variants(setter.effect().probe().shape());
                if (!variants.isEmpty() && laddered.add(setter.key())) {
                    for (TaxLadder.Variant variant : variants) {
                        TaxLadder.orders().forEach(order -> runs.add(new Run(setter, variant, order)));
                    }
                }
            }
        }

        List<RpcCall> calls() {
            List<RpcCall> calls = new ArrayList<>();
            for (Run run : runs) {
                Effect effect = run.setter().effect();
                calls.add(Check.ladder(in.token(), in.routes(), effect.probe().caller(), fundByBuying,
                        effect.world(base), run.settings().stream().map(run::calldata).toList()));
            }
            return calls;
        }

        /** Reads the ladder calls: each setter's highest tax, written into its capabilities with its evidence. */
        void apply(List<RpcReply> replies) {
            Map<String, Integer> ceilings = new LinkedHashMap<>();
            Map<String, Evidence> proofs = new LinkedHashMap<>();
            for (int r = 0; r < runs.size(); r++) {
                Run run = runs.get(r);
                RpcReply reply = replies.get(r);
                ProbeAbi.Ladder ladder = reply.ok() && reply.result() != null && reply.result().isString()
                        ? decodeLadder(reply.result().stringValue()) : null;
                if (ladder == null || ladder.accepted().size() != run.settings().size()
                        || ladder.check().out().size() < ai.kaizen.data.simulation.ProbeLayout.C_LENGTH) {
                    continue;
                }
                Check after = new Check(ladder.check());
                Integer measured = TaxLadder.taxBps(run.setter().code(), run.setter().before(), after);
                TaxLadder.Bracket bracket = TaxLadder.bracket(run.settings(), ladder.accepted());
                if (measured == null || bracket == null) {
                    continue;
                }
                // Only the ascending ladder ends at its highest accepted setting, which the bound scales from.
                boolean ascending = run.settings().size() > 1
                        && run.settings().getFirst().compareTo(run.settings().getLast()) < 0;
                int ceiling = ascending && bracket.refused() != null
                        ? TaxLadder.bound(measured, bracket.accepted(), bracket.refused()) : measured;
                String key = run.setter().key();
                if (ceilings.getOrDefault(key, -1) < ceiling) {
                    ceilings.put(key, ceiling);
                    String last = run.variant().at(ascending ? bracket.accepted() : lastAccepted(run, ladder))
                            .arguments();
                    proofs.put(key, new Evidence("simulation", ProbeWallets.VICTIM.toChecksum(), "check() after "
                            + run.setter().effect().probe().caller().toChecksum() + " called "
                            + run.setter().effect().probe().selector() + " with " + run.settings().size()
                            + " settings in " + (ascending ? "ascending" : "descending") + " order",
                            after.summary(), "highest tax the setter allows: " + ceiling + " bps, measured after "
                            + "arguments " + last + (ceiling == measured ? "" : " (" + measured + " bps there, "
                            + bracket.refused() + " refused: scaled up to the highest setting that may pass)")));
                }
            }
            for (TaxSetter setter : taxSetters) {
                Integer ceiling = ceilings.get(setter.key());
                if (ceiling != null) {
                    PrivilegeReport.Capability c = capabilities.get(setter.index());
                    Map<String, Object> details = new LinkedHashMap<>(c.details());
                    details.put("maxBps", ceiling);
                    List<Evidence> proof = new ArrayList<>(c.evidence());
                    proof.add(proofs.get(setter.key()));
                    capabilities.set(setter.index(), new PrivilegeReport.Capability(c.code(), c.selector(),
                            c.label(), c.caller(), c.callerVia(), c.byAnyone(), c.arguments(), c.stage(),
                            c.requires(), c.requiresSelector(), details, List.copyOf(proof)));
                }
            }
        }

        private static BigInteger lastAccepted(Run run, ProbeAbi.Ladder ladder) {
            BigInteger last = run.settings().getFirst();
            for (int i = 0; i < run.settings().size(); i++) {
                if (ladder.accepted().get(i)) {
                    last = run.settings().get(i);
                }
            }
            return last;
        }
    }

    private static ProbeAbi.@Nullable Ladder decodeLadder(String hex) {
        try {
            return ProbeAbi.decodeLadder(Hex.bytes(hex));
        } catch (ai.kaizen.data.rpc.RpcException e) {
            return null;
        }
    }

    private PrivilegeReport.Capability capability(Findings.Finding finding, Effect effect, Check before, Check after,
                                                  Findings.TraceFacts facts, List<StateDiff.Slot> tokenSlots) {
        Probe probe = effect.probe();
        PrivilegeReport.Caller caller = callers.get(probe.caller());
        List<Evidence> proof = new ArrayList<>();
        proof.add(new Evidence("trace", in.token().toChecksum(), probe.calldata(),
                slotsText(tokenSlots), "debug_traceCall (prestate diff) as " + probe.caller().toChecksum()
                + (probe.parent() == null ? "" : " after " + probe.parent().probe().selector() + " by the same caller")));
        proof.add(new Evidence("simulation", ProbeWallets.VICTIM.toChecksum(), "check() before the call",
                before.summary(), null));
        proof.add(new Evidence("simulation", ProbeWallets.VICTIM.toChecksum(), "check() after the call",
                after.summary(), finding.summary()));
        Map<String, Object> details = new LinkedHashMap<>(finding.details());
        if (finding.code().equals("mint")) {
            details.put("emitsTransfer", facts.mintTransferLog());
        }
        Probe parent = probe.parent() == null ? null : probe.parent().probe();
        String requires = probe.parent() == null ? null : stageTwoReason(probe.parent());
        boolean byAnyone = probe.caller().equals(ProbeWallets.NOBODY);
        return new PrivilegeReport.Capability(finding.code(), probe.selector(), SelectorLabels.label(probe.selector()),
                probe.caller().toChecksum(), caller == null ? List.of() : caller.via(), byAnyone,
                probe.shape().name() + " " + probe.shape().arguments(), probe.stage(), requires,
                parent == null ? null : parent.selector(), details, proof);
    }

    private static String slotsText(List<StateDiff.Slot> slots) {
        if (slots.isEmpty()) {
            return "no token storage changed";
        }
        StringBuilder text = new StringBuilder();
        for (StateDiff.Slot slot : slots.subList(0, Math.min(6, slots.size()))) {
            text.append(text.isEmpty() ? "" : "; ").append("slot ").append(slot.slot()).append(": ")
                    .append(slot.before()).append(" → ").append(slot.after());
        }
        return slots.size() > 6 ? text + "; … " + (slots.size() - 6) + " more" : text.toString();
    }

    private Findings.TraceFacts traceFacts(RpcReply reply) {
        if (!reply.ok() || reply.result() == null) {
            return Findings.TraceFacts.NONE;
        }
        boolean[] selfdestruct = {false};
        String[] beneficiary = {null};
        boolean[] mintLog = {false};
        String token = in.token().toLowerHex();
        walk(reply.result(), 0, frame -> {
            if ("SELFDESTRUCT".equalsIgnoreCase(frame.path("type").asString(""))
                    && token.equalsIgnoreCase(frame.path("from").asString(""))) {
                selfdestruct[0] = true;
                beneficiary[0] = frame.path("to").asString(null);
            }
            for (JsonNode log : frame.path("logs")) {
                JsonNode topics = log.path("topics");
                if (token.equalsIgnoreCase(log.path("address").asString("")) && topics.size() >= 3
                        && TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0).asString(""))
                        && ZERO_TOPIC.equalsIgnoreCase(topics.get(1).asString(""))) {
                    mintLog[0] = true;
                }
            }
        });
        return new Findings.TraceFacts(selfdestruct[0], beneficiary[0], mintLog[0]);
    }

    /** Calls the token made to contracts we cannot place, in a call trace of the check. */
    private List<PrivilegeReport.ExternalCall> externalCalls(RpcReply reply) {
        if (!reply.ok() || reply.result() == null) {
            return List.of();
        }
        Set<String> allowed = new HashSet<>();
        allowed.add(in.token().toLowerHex());
        in.known().forEach(a -> allowed.add(a.toLowerHex()));
        in.routes().routers().forEach(a -> allowed.add(a.toLowerHex()));
        in.routes().factories().forEach(a -> allowed.add(a.toLowerHex()));
        in.routes().quotes().forEach(a -> allowed.add(a.toLowerHex()));
        ProbeWallets.ALL.forEach(a -> allowed.add(a.toLowerHex()));
        allowed.add(TradeSimulator.RECIPIENT.toLowerHex());
        Map<String, PrivilegeReport.ExternalCall> found = new LinkedHashMap<>();
        String token = in.token().toLowerHex();
        walk(reply.result(), 0, frame -> {
            String from = frame.path("from").asString("").toLowerCase(Locale.ROOT);
            String to = frame.path("to").asString("").toLowerCase(Locale.ROOT);
            String type = frame.path("type").asString("CALL");
            EvmAddress target = EvmAddress.tryParse(to);
            if (!from.equals(token) || target == null || allowed.contains(to) || type.equals("SELFDESTRUCT")
                    || new BigInteger(1, target.toBytes()).bitLength() <= 16) {
                return;
            }
            String input = frame.path("input").asString("");
            String selector = input.length() >= 10 ? input.substring(0, 10).toLowerCase(Locale.ROOT) : "0x";
            found.putIfAbsent(to + selector, new PrivilegeReport.ExternalCall(target.toChecksum(), selector, type,
                    "transfers, buys and sells of the check"));
        });
        return List.copyOf(found.values());
    }

    private static void walk(JsonNode frame, int depth, java.util.function.Consumer<JsonNode> visitor) {
        if (depth > 64 || !frame.isObject()) {
            return;
        }
        visitor.accept(frame);
        for (JsonNode child : frame.path("calls")) {
            walk(child, depth + 1, visitor);
        }
    }

    private RpcCall trace(Probe probe, Map<String, Object> overrides, Map<String, Object> tracer) {
        Map<String, Object> config = new LinkedHashMap<>(tracer);
        config.put("stateOverrides", overrides);
        return RpcCall.of("debug_traceCall", Map.of("from", probe.caller().toLowerHex(), "to", in.token().toLowerHex(),
                "data", probe.calldata(), "gas", Hex.quantity(PROBE_GAS)), "latest", config);
    }

    private static Map<String, Object> prestate() {
        return Map.of("tracer", "prestateTracer", "tracerConfig", Map.of("diffMode", true, "disableCode", true));
    }

    static @Nullable Check decodeCheck(RpcReply reply) {
        if (!reply.ok() || reply.result() == null) {
            return null;
        }
        ProbeAbi.Result result = TradeSimulator.decode(reply.result(), true);
        return result == null || result.out().size() < ai.kaizen.data.simulation.ProbeLayout.C_LENGTH ? null
                : new Check(result);
    }

    private PrivilegeReport failed(String reason, PrivilegeReport.Victim victim, List<PrivilegeReport.Caller> list,
                                   int roundsBefore) {
        return new PrivilegeReport("failed", reason, victim, list, selectors.size(), traced, skippedViews, List.of(),
                List.of(),
                List.of(), Map.of(), rpc.rounds() - roundsBefore, List.copyOf(evidence));
    }
}
