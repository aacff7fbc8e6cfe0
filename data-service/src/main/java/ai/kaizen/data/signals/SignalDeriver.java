package ai.kaizen.data.signals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.facts.TokenFacts;
import ai.kaizen.data.privileges.PrivilegeReport;
import ai.kaizen.data.privileges.ProbeWallets;
import ai.kaizen.data.privileges.StateDiff;
import ai.kaizen.data.simulation.SimulationReport;
import org.jspecify.annotations.Nullable;

/**
 * Turns the simulation, the privilege probes and the proxy/ownership facts into signals. Every rule reads behaviour
 * (what a call did), never a function name: selector labels only decorate the parameters.
 */
public final class SignalDeriver {

    /** A sell above this gas is abnormal (ordinary fee-on-transfer sells cost a few hundred thousand). */
    static final long ABNORMAL_SELL_GAS = 2_000_000;

    private SignalDeriver() {
    }

    public static List<Signal> derive(@Nullable SimulationReport simulation, @Nullable PrivilegeReport privileges,
                                      TokenFacts.@Nullable Proxy proxy, TokenFacts.@Nullable Ownership ownership) {
        List<Signal> signals = new ArrayList<>();
        boolean probed = privileges != null && "ran".equals(privileges.status());
        Map<String, PrivilegeReport.StateChange> hookSetters = probed ? hookSetters(privileges) : Map.of();
        List<PrivilegeReport.Capability> capabilities = probed ? consequences(privileges.capabilities(),
                hookSetters.values()) : List.of();
        Map<String, PrivilegeReport.Caller> callers = new LinkedHashMap<>();
        if (probed) {
            privileges.callers().forEach(c -> callers.put(c.address(), c));
        }
        if (simulation != null && simulation.traded()) {
            simulationSignals(simulation, privileges, capabilities, signals);
        }
        List<String> hiddenOwnerAddresses = new ArrayList<>();
        boolean fakeRenounce = false;
        if (probed) {
            fakeRenounce = capabilitySignals(capabilities, callers, signals);
            hiddenOwners(capabilities, callers, signals, hiddenOwnerAddresses);
            for (PrivilegeReport.ExternalCall call : privileges.externalCalls()) {
                Map<String, Object> params = params("target", call.target(), "selector", call.selector(),
                        "call_type", call.type());
                List<Evidence> evidence = new ArrayList<>(List.of(new Evidence("trace", call.target(), call.selector(),
                        call.type(), "the token called this contract during " + call.during())));
                PrivilegeReport.StateChange setter = hookSetters.get(call.target());
                if (setter != null) {
                    params.put("by", setter.caller());
                    params.put("setter", setter.selector());
                    params.put("can_block_sells", privileges.capabilities().stream().anyMatch(c ->
                            c.selector().equals(setter.selector()) && c.caller().equals(setter.caller())
                                    && (c.code().equals("pausable") || c.code().equals("blacklist"))));
                    evidence.add(new Evidence("trace", null, setter.selector() + " " + setter.arguments(),
                            "replaced the stored call target", "the caller can point the call elsewhere"));
                }
                signals.add(new Signal("external_call_in_transfer", Signal.CAPABILITY, params, evidence));
            }
        }
        if (proxy != null) {
            proxySignals(proxy, ownership, signals);
        }
        if (probed && ownership != null && ownership.renounced() && hiddenOwnerAddresses.isEmpty() && !fakeRenounce
                && ownership.privileged().isEmpty() && capabilities.stream().noneMatch(c -> !c.byAnyone()
                && !"ownership_takeback".equals(c.code()))) {
            signals.add(new Signal("ownership_renounced", Signal.GOVERNANCE, Map.of(), List.copyOf(ownership.evidence())));
        }
        return List.copyOf(signals);
    }

    /**
     * Calls that replace the stored address of an external call made during transfers (a transfer hook's setter):
     * target → the state change.
     */
    private static Map<String, PrivilegeReport.StateChange> hookSetters(PrivilegeReport privileges) {
        Map<String, PrivilegeReport.StateChange> setters = new LinkedHashMap<>();
        for (PrivilegeReport.ExternalCall call : privileges.externalCalls()) {
            BigInteger target = new BigInteger(call.target().substring(2), 16);
            for (PrivilegeReport.StateChange change : privileges.stateChanges()) {
                if (change.caller().equals(ProbeWallets.NOBODY.toChecksum())) {
                    continue;
                }
                boolean replaces = change.tokenSlots().stream().anyMatch(slot ->
                        slot.beforeValue().mod(BigInteger.ONE.shiftLeft(160)).equals(target)
                                && !slot.afterValue().mod(BigInteger.ONE.shiftLeft(160)).equals(target));
                if (replaces) {
                    setters.putIfAbsent(call.target(), change);
                }
            }
        }
        return setters;
    }

    /**
     * Drops what is only a consequence of another capability of the same call: after a forwarding switch every
     * reading comes from elsewhere; a fee setter given an extreme fee, or a hook setter given a reverting target,
     * stops all transfers, which is the fee's or the hook's capability, not a pause or a blacklist.
     */
    private static List<PrivilegeReport.Capability> consequences(List<PrivilegeReport.Capability> capabilities,
                                                                 java.util.Collection<PrivilegeReport.StateChange> hooks) {
        Set<String> forwarding = new LinkedHashSet<>();
        Set<String> fees = new LinkedHashSet<>();
        for (PrivilegeReport.Capability c : capabilities) {
            if (c.code().equals("deprecation_forwarding")) {
                forwarding.add(c.selector());
            }
            if (c.code().equals("tax_modifiable") || c.code().equals("per_address_tax")) {
                fees.add(c.selector());
            }
        }
        Set<String> hookSelectors = new LinkedHashSet<>();
        hooks.forEach(h -> hookSelectors.add(h.selector()));
        List<PrivilegeReport.Capability> kept = new ArrayList<>();
        for (PrivilegeReport.Capability c : capabilities) {
            boolean blocking = c.code().equals("pausable") || c.code().equals("blacklist");
            if (forwarding.contains(c.selector()) && !c.code().equals("deprecation_forwarding")) {
                continue;
            }
            if (blocking && (fees.contains(c.selector()) || hookSelectors.contains(c.selector()))) {
                continue;
            }
            kept.add(c);
        }
        return kept;
    }

    // ---- simulation ----

    private static void simulationSignals(SimulationReport s, @Nullable PrivilegeReport privileges,
                                          List<PrivilegeReport.Capability> capabilities, List<Signal> signals) {
        if (s.cannotBuy()) {
            Map<String, Object> params = new LinkedHashMap<>();
            List<Evidence> evidence = new ArrayList<>(s.evidence());
            PrivilegeReport.Capability enabler = best(capabilities, "enables_trading");
            if (enabler != null) {
                putCall(params, enabler);
                evidence.addAll(enabler.evidence());
            }
            params.put("cannot_buy", true);
            signals.add(new Signal("trading_not_enabled", Signal.EVIDENCE, params, evidence));
            return;
        }
        if (s.honeypot() != null) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("kind", s.honeypot());
            if (!s.sellWorksFor().isEmpty()) {
                params.put("exempt", s.sellWorksFor());
            }
            if (s.honeypotReceivedBps() != null) {
                params.put("received_bps_max", s.honeypotReceivedBps());
            }
            if (s.sell() != null && s.sell().revert() != null) {
                params.put("revert", s.sell().revert());
            }
            if (s.sell() != null && s.sell().tokenRevert() != null) {
                params.put("token_revert", s.sell().tokenRevert());
            }
            signals.add(new Signal("honeypot", Signal.EVIDENCE, params, s.evidence()));
        }
        if (s.buyTax() != null && s.buyTax().bps() > 0) {
            signals.add(new Signal("buy_tax", Signal.EVIDENCE, params("value_bps", s.buyTax().bps(), "percent",
                    s.buyTax().percent()), s.evidence()));
        }
        if (s.honeypot() == null && s.sellTax() != null && s.sellTax().bps() > 0) {
            signals.add(new Signal("sell_tax", Signal.EVIDENCE, params("value_bps", s.sellTax().bps(), "percent",
                    s.sellTax().percent()), s.evidence()));
        }
        if (s.transferTax() != null && s.transferTax().bps() > 0) {
            signals.add(new Signal("transfer_tax", Signal.EVIDENCE, params("value_bps", s.transferTax().bps(),
                    "percent", s.transferTax().percent()), s.evidence()));
        }
        if (s.cooldown() != null && s.honeypot() == null) {
            Map<String, Object> params = new LinkedHashMap<>();
            if (s.cooldown().seconds() != null) {
                params.put("seconds", s.cooldown().seconds());
            }
            if (s.cooldown().moreThanSeconds() != null) {
                params.put("more_than_seconds", s.cooldown().moreThanSeconds());
            }
            params.put("scope", "sell");
            List<Evidence> evidence = new ArrayList<>(s.evidence());
            if (s.cooldown().seconds() != null) {
                setter(privileges, BigInteger.valueOf(s.cooldown().moreThanSeconds() == null ? 0
                        : s.cooldown().moreThanSeconds() + 1), BigInteger.valueOf(s.cooldown().seconds() + 1),
                        params, evidence);
            }
            signals.add(new Signal("trading_cooldown", Signal.EVIDENCE, params, evidence));
        }
        if (s.cannotSellAll()) {
            signals.add(new Signal("cannot_sell_all", Signal.EVIDENCE, Map.of(), s.evidence()));
        }
        if (s.sell() != null && s.sell().gas() != null && s.sell().gas() > ABNORMAL_SELL_GAS) {
            signals.add(new Signal("sell_gas_abnormal", Signal.EVIDENCE, params("gas", s.sell().gas()), s.evidence()));
        }
        if (s.limits() != null) {
            limitSignal("max_tx", s.limits().maxTx(), privileges, s.evidence(), signals);
            limitSignal("max_wallet", s.limits().maxWallet(), privileges, s.evidence(), signals);
        }
    }

    private static void limitSignal(String code, SimulationReport.@Nullable Limit limit,
                                    @Nullable PrivilegeReport privileges, List<Evidence> simulationEvidence,
                                    List<Signal> signals) {
        if (limit == null) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("amount", limit.amount());
        params.put("bps_of_supply", limit.bpsOfSupply());
        if (limit.getter() != null) {
            params.put("getter", limit.getter());
        }
        List<Evidence> evidence = new ArrayList<>(simulationEvidence);
        evidence.add(new Evidence("simulation", null, code, "largest accepted " + limit.amount()
                + (limit.refusedFrom() == null ? "" : ", refused from " + limit.refusedFrom()),
                "buys of increasing size by one fresh wallet"));
        BigInteger accepted = new BigInteger(limit.amount());
        BigInteger refused = limit.refusedFrom() == null ? accepted.add(BigInteger.ONE) : new BigInteger(limit.refusedFrom());
        boolean found = setter(privileges, accepted, refused.max(accepted.add(BigInteger.ONE)), params, evidence);
        params.put("modifiable", privileges != null && "ran".equals(privileges.status()) ? found : null);
        signals.add(new Signal(code, Signal.CAPABILITY, params, evidence));
    }

    /**
     * The call that rewrote a token slot holding a value in [low, high): the setter of a measured limit or
     * cooldown. Fills selector/signature/by and returns whether one was found.
     */
    private static boolean setter(@Nullable PrivilegeReport privileges, BigInteger low, BigInteger high,
                                  Map<String, Object> params, List<Evidence> evidence) {
        if (privileges == null || !"ran".equals(privileges.status())) {
            return false;
        }
        for (PrivilegeReport.StateChange change : privileges.stateChanges()) {
            if (change.caller().equals(ProbeWallets.NOBODY.toChecksum())) {
                continue;
            }
            for (StateDiff.Slot slot : change.tokenSlots()) {
                BigInteger before = slot.beforeValue();
                if (before.compareTo(low) >= 0 && before.compareTo(high) < 0) {
                    params.put("selector", change.selector());
                    if (change.label() != null) {
                        params.put("signature", change.label());
                    }
                    params.put("by", change.caller());
                    evidence.add(new Evidence("trace", null, change.selector() + " " + change.arguments(),
                            "slot " + slot.slot() + ": " + slot.before() + " → " + slot.after(),
                            "the call rewrote the slot holding the measured value"));
                    return true;
                }
            }
        }
        return false;
    }

    // ---- privileges ----

    /** Adds capability signals; returns whether ownership can be taken back after a renounce. */
    private static boolean capabilitySignals(List<PrivilegeReport.Capability> capabilities,
                                             Map<String, PrivilegeReport.Caller> callers, List<Signal> signals) {
        boolean fakeRenounce = false;
        Map<String, List<PrivilegeReport.Capability>> groups = new LinkedHashMap<>();
        for (PrivilegeReport.Capability capability : capabilities) {
            groups.computeIfAbsent(capability.code() + "|" + capability.selector(), k -> new ArrayList<>()).add(capability);
        }
        Set<String> byAnyone = new LinkedHashSet<>();
        for (PrivilegeReport.Capability capability : capabilities) {
            if (capability.byAnyone()) {
                byAnyone.add(capability.code() + "|" + capability.selector());
            }
        }
        for (List<PrivilegeReport.Capability> group : groups.values()) {
            PrivilegeReport.Capability c = group.stream().min(preference(callers)).orElseThrow();
            boolean anyone = byAnyone.contains(c.code() + "|" + c.selector());
            Map<String, Object> params = new LinkedHashMap<>();
            putCall(params, c);
            if (anyone) {
                params.put("by", "anyone");
            }
            if (c.requires() != null) {
                params.put("requires", signalCode(c.requires()));
                params.put("requires_selector", c.requiresSelector());
            }
            List<Evidence> evidence = c.evidence();
            switch (c.code()) {
                case "mint" -> {
                    boolean emits = Boolean.TRUE.equals(c.details().get("emitsTransfer"));
                    PrivilegeReport.Caller caller = callers.get(c.caller());
                    // Hidden: no Transfer from 0x0 for indexers to see, or a minter nobody declared.
                    boolean declared = caller != null && caller.visible();
                    params.put("emits_transfer", emits);
                    signals.add(new Signal(emits && (declared || anyone) ? "mint" : "hidden_mint", Signal.CAPABILITY,
                            params, evidence));
                }
                case "balance_rewrite" -> {
                    String kind = String.valueOf(c.details().get("kind"));
                    params.put("kind", "burn".equals(kind) && "blacklist".equals(c.requires()) ? "burn_blacklisted" : kind);
                    signals.add(new Signal("balance_rewrite", Signal.CAPABILITY, params, evidence));
                }
                case "blacklist" -> {
                    params.put("listed", List.of());
                    signals.add(new Signal("blacklist", Signal.CAPABILITY, params, evidence));
                }
                case "pausable" -> {
                    params.put("paused", false);
                    signals.add(new Signal("pausable", Signal.CAPABILITY, params, evidence));
                }
                case "tax_modifiable", "per_address_tax" -> {
                    Map<String, Object> measured = new LinkedHashMap<>(c.details());
                    Object maxBps = measured.remove("maxBps");
                    if (maxBps != null) {
                        params.put("max_bps", maxBps);
                    }
                    params.put("measured_after", measured);
                    signals.add(new Signal(c.code(), Signal.CAPABILITY, params, evidence));
                }
                case "ownership_takeback" -> {
                    PrivilegeReport.Caller caller = callers.get(c.caller());
                    if (caller != null && caller.storageSlot() != null) {
                        params.put("slot", caller.storageSlot());
                    }
                    fakeRenounce = true;
                    signals.add(new Signal("fake_renounce", Signal.CAPABILITY, params, evidence));
                }
                case "selfdestruct" -> signals.add(new Signal("selfdestruct", Signal.CAPABILITY, params, evidence));
                case "deprecation_forwarding" ->
                        signals.add(new Signal("deprecation_forwarding", Signal.CAPABILITY, params, evidence));
                default -> {
                    // enables_trading and unblocks_transfers only describe other signals (trading_not_enabled).
                }
            }
        }
        return fakeRenounce;
    }

    /**
     * A hidden owner: a caller that is no declared controller (not owner(), admin, role) yet holds powers of its own,
     * kept in a storage slot or written into the code. Taking back a renounced ownership is fake_renounce instead.
     */
    private static void hiddenOwners(List<PrivilegeReport.Capability> capabilities,
                                     Map<String, PrivilegeReport.Caller> callers, List<Signal> signals,
                                     List<String> found) {
        Map<String, Set<String>> powers = new LinkedHashMap<>();
        Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
        for (PrivilegeReport.Capability c : capabilities) {
            PrivilegeReport.Caller caller = callers.get(c.caller());
            if (caller == null || caller.visible() || c.byAnyone() || c.caller().equals(ProbeWallets.NOBODY.toChecksum())
                    || "ownership_takeback".equals(c.requires()) || c.code().equals("ownership_takeback")
                    || c.code().equals("enables_trading") || c.code().equals("unblocks_transfers")) {
                continue;
            }
            // A mint by an address nobody declared is a hidden mint, whether or not it emits Transfer.
            String power = c.code().equals("mint") ? "hidden_mint" : c.code();
            powers.computeIfAbsent(c.caller(), k -> new LinkedHashSet<>()).add(power);
            evidence.computeIfAbsent(c.caller(), k -> new ArrayList<>()).addAll(c.evidence());
        }
        for (Map.Entry<String, Set<String>> entry : powers.entrySet()) {
            PrivilegeReport.Caller caller = callers.get(entry.getKey());
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("address", entry.getKey());
            if (caller.storageSlot() != null) {
                params.put("location", "storage");
                params.put("slot", caller.storageSlot());
            } else if (caller.inBytecode()) {
                params.put("location", "bytecode");
            } else {
                params.put("location", caller.creator() ? "creator" : "unknown");
            }
            params.put("powers", List.copyOf(entry.getValue()));
            found.add(entry.getKey());
            signals.add(new Signal("hidden_owner", Signal.CAPABILITY, params, evidence.get(entry.getKey())));
        }
    }

    private static Comparator<PrivilegeReport.Capability> preference(Map<String, PrivilegeReport.Caller> callers) {
        return Comparator.<PrivilegeReport.Capability>comparingInt(PrivilegeReport.Capability::stage)
                .thenComparing(c -> c.byAnyone() ? 1 : 0)
                .thenComparing(c -> callers.containsKey(c.caller()) && callers.get(c.caller()).visible() ? 0 : 1);
    }

    private static String signalCode(String capabilityCode) {
        return "ownership_takeback".equals(capabilityCode) ? "fake_renounce" : capabilityCode;
    }

    private static void putCall(Map<String, Object> params, PrivilegeReport.Capability c) {
        params.put("selector", c.selector());
        if (c.label() != null) {
            params.put("signature", c.label());
        }
        params.put("by", c.caller());
        params.put("arguments", c.arguments());
    }

    private static PrivilegeReport.@Nullable Capability best(List<PrivilegeReport.Capability> capabilities,
                                                             String code) {
        return capabilities.stream().filter(c -> c.code().equals(code))
                .min(Comparator.comparingInt(PrivilegeReport.Capability::stage)).orElse(null);
    }

    // ---- facts ----

    private static void proxySignals(TokenFacts.Proxy proxy, TokenFacts.@Nullable Ownership ownership,
                                     List<Signal> signals) {
        if ("eip1167".equals(proxy.kind())) {
            signals.add(new Signal("minimal_proxy", Signal.CAPABILITY, params("standard", "EIP-1167",
                    "implementation", proxy.implementation()), proxy.evidence()));
            return;
        }
        if (!proxy.upgradeable()) {
            return;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("standard", switch (proxy.kind()) {
            case "eip1822" -> "EIP-1822";
            case "eip1967-beacon" -> "EIP-1967 beacon";
            default -> "EIP-1967";
        });
        params.put("kind", proxy.kind().equals("eip1967-beacon") ? "beacon"
                : proxy.admin() != null ? "transparent" : "uups");
        params.put("implementation", proxy.implementation());
        if (proxy.admin() != null) {
            params.put("admin", proxy.admin());
        }
        if (proxy.beacon() != null) {
            params.put("beacon", proxy.beacon());
        }
        if (ownership != null) {
            for (TokenFacts.Privileged privileged : ownership.privileged()) {
                if (privileged.account().address().equalsIgnoreCase(String.valueOf(proxy.admin()))
                        && privileged.account().owner() != null) {
                    params.put("admin_owner", privileged.account().owner().address());
                }
            }
        }
        signals.add(new Signal("upgradeable_proxy", Signal.CAPABILITY, params, proxy.evidence()));
    }

    private static Map<String, Object> params(Object... keyValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                params.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return params;
    }
}
