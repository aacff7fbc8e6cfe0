package ai.kaizen.data.signals;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.facts.TokenFacts;
import ai.kaizen.data.privileges.PrivilegeReport;
import ai.kaizen.data.privileges.StateDiff;
import ai.kaizen.data.simulation.SimulationReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignalDeriverTests {

    private static final String OWNER = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
    private static final String KEEPER = "0xFABB0ac9d68B0B445fB7357272Ff202C5651694a";
    private static final String GUARD = "0x7B31b399a224aD30D48838F55B41b6A6F1e033ED";
    private static final String ZERO = "0x0000000000000000000000000000000000000000";

    private static final PrivilegeReport.Caller OWNER_CALLER = new PrivilegeReport.Caller(OWNER, List.of("owner()"),
            true, null, false, true);
    private static final PrivilegeReport.Caller KEEPER_CALLER = new PrivilegeReport.Caller(KEEPER,
            List.of("storage slot 6"), false, 6, false, false);

    private static PrivilegeReport.Capability capability(String code, String selector, String caller, int stage,
                                                         String requires, Map<String, Object> details) {
        return new PrivilegeReport.Capability(code, selector, null, caller, List.of(), false, "number (10)", stage,
                requires, requires == null ? null : "0xa69df4b5", details, List.of());
    }

    private static PrivilegeReport report(List<PrivilegeReport.Capability> capabilities,
                                          List<PrivilegeReport.StateChange> changes,
                                          List<PrivilegeReport.ExternalCall> calls) {
        return new PrivilegeReport("ran", null, null, List.of(OWNER_CALLER, KEEPER_CALLER), 10, 100, 0, capabilities,
                changes, calls, Map.of(), 2, List.of());
    }

    private static List<String> codes(List<Signal> signals) {
        return signals.stream().map(Signal::code).toList();
    }

    private static Signal only(List<Signal> signals, String code) {
        return signals.stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
    }

    private static TokenFacts.Ownership ownership(String owner, boolean renounced) {
        return new TokenFacts.Ownership(new TokenFacts.Account(owner, renounced ? "burn" : "eoa", null, null, null,
                null), "owner()", renounced, false, List.of(), List.of(new Evidence("call", null, "owner()", owner, null)));
    }

    @Test
    void aDeclaredOwnersLoggedMintIsAMintAnyOtherIsHidden() {
        List<Signal> plain = SignalDeriver.derive(null, report(List.of(capability("mint", "0x40c10f19", OWNER, 1, null,
                Map.of("emitsTransfer", true))), List.of(), List.of()), null, null);
        assertThat(codes(plain)).containsExactly("mint");
        assertThat(only(plain, "mint").params()).containsEntry("by", OWNER).containsEntry("selector", "0x40c10f19");

        List<Signal> silent = SignalDeriver.derive(null, report(List.of(capability("mint", "0x44a38e54", OWNER, 1,
                null, Map.of("emitsTransfer", false))), List.of(), List.of()), null, null);
        assertThat(codes(silent)).containsExactly("hidden_mint");

        List<Signal> hidden = SignalDeriver.derive(null, report(List.of(capability("mint", "0x2a68914c", KEEPER, 1,
                null, Map.of("emitsTransfer", true))), List.of(), List.of()), null, ownership(ZERO, true));
        assertThat(codes(hidden)).containsExactly("hidden_mint", "hidden_owner");
        assertThat(only(hidden, "hidden_owner").params()).containsEntry("address", KEEPER)
                .containsEntry("location", "storage").containsEntry("slot", 6)
                .containsEntry("powers", List.of("hidden_mint"));
    }

    @Test
    void blockingEveryoneWithAnExtremeFeeIsTheFeesCapabilityNotAPause() {
        List<Signal> signals = SignalDeriver.derive(null, report(List.of(
                capability("pausable", "0x061c82d0", OWNER, 1, null, Map.of()),
                capability("tax_modifiable", "0x061c82d0", OWNER, 1, null, Map.of()),
                capability("pausable", "0x8456cb59", OWNER, 1, null, Map.of())), List.of(), List.of()), null, null);
        assertThat(signals).extracting(Signal::code, s -> s.params().get("selector"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("pausable", "0x8456cb59"),
                        org.assertj.core.groups.Tuple.tuple("tax_modifiable", "0x061c82d0"));
    }

    @Test
    void forwardingExplainsEverythingElseTheSameCallDid() {
        List<Signal> signals = SignalDeriver.derive(null, report(List.of(
                capability("deprecation_forwarding", "0x0753c30c", OWNER, 1, null, Map.of()),
                capability("balance_rewrite", "0x0753c30c", OWNER, 1, null, Map.of("kind", "set"))), List.of(),
                List.of()), null, null);
        assertThat(codes(signals)).containsExactly("deprecation_forwarding");
    }

    @Test
    void aCallThatReplacesTheTransferHookIsTheHooksSetter() {
        String guardWord = "0x000000000000000000000000" + GUARD.substring(2).toLowerCase();
        PrivilegeReport.StateChange setGuard = new PrivilegeReport.StateChange("0xe19a9dd9", null, OWNER, "(10)", 1,
                List.of(new StateDiff.Slot("0x07", guardWord, "0x" + "0".repeat(63) + "a")));
        List<Signal> signals = SignalDeriver.derive(null, report(
                List.of(capability("pausable", "0xe19a9dd9", OWNER, 1, null, Map.of())), List.of(setGuard),
                List.of(new PrivilegeReport.ExternalCall(GUARD, "0x4a393149", "CALL", "transfers"))), null, null);
        assertThat(codes(signals)).containsExactly("external_call_in_transfer");
        assertThat(signals.getFirst().params()).containsEntry("target", GUARD).containsEntry("by", OWNER)
                .containsEntry("setter", "0xe19a9dd9").containsEntry("can_block_sells", true);
    }

    @Test
    void takingOwnershipBackIsAFakeRenounceAndWhatItUnlocksRequiresIt() {
        List<Signal> signals = SignalDeriver.derive(null, report(List.of(
                capability("ownership_takeback", "0xa69df4b5", KEEPER, 1, null, Map.of()),
                capability("tax_modifiable", "0x061c82d0", KEEPER, 2, "ownership_takeback", Map.of())), List.of(),
                List.of()), null, ownership(ZERO, true));
        assertThat(codes(signals)).containsExactly("fake_renounce", "tax_modifiable");
        assertThat(only(signals, "fake_renounce").params()).containsEntry("slot", 6);
        assertThat(only(signals, "tax_modifiable").params()).containsEntry("requires", "fake_renounce");
    }

    @Test
    void renouncedOnlyWhenProbingFoundNoHiddenPower() {
        assertThat(codes(SignalDeriver.derive(null, report(List.of(), List.of(), List.of()), null,
                ownership(ZERO, true)))).containsExactly("ownership_renounced");
        assertThat(codes(SignalDeriver.derive(null, null, null, ownership(ZERO, true)))).isEmpty();
        assertThat(codes(SignalDeriver.derive(null, report(List.of(), List.of(), List.of()), null,
                ownership(OWNER, false)))).isEmpty();
    }

    @Test
    void aLimitsSetterIsTheCallThatRewroteTheSlotHoldingIt() {
        BigInteger amount = new BigInteger("10000000000000000000000000");
        String word = "0x" + "0".repeat(64 - amount.toString(16).length()) + amount.toString(16);
        PrivilegeReport.StateChange setter = new PrivilegeReport.StateChange("0xd543dbeb", null, OWNER, "(10)", 1,
                List.of(new StateDiff.Slot("0x05", word, "0x" + "0".repeat(63) + "1")));
        SimulationReport simulation = simulation(null, new SimulationReport.Limits("found", "1", new SimulationReport
                .Limit(amount.toString(), amount.add(BigInteger.ONE).toString(), 100, "0x7d1db4a5"), null, null));
        List<Signal> signals = SignalDeriver.derive(simulation, report(List.of(), List.of(setter), List.of()), null,
                null);
        assertThat(only(signals, "max_tx").params()).containsEntry("amount", amount.toString())
                .containsEntry("bps_of_supply", 100).containsEntry("modifiable", true)
                .containsEntry("selector", "0xd543dbeb").containsEntry("by", OWNER);
    }

    @Test
    void aHoneypotReportsNoSellTax() {
        List<Signal> signals = SignalDeriver.derive(simulation("sell_reverts", null), null, null, null);
        assertThat(codes(signals)).containsExactly("honeypot", "buy_tax");
        assertThat(only(signals, "honeypot").params()).containsEntry("kind", "sell_reverts")
                .containsEntry("exempt", List.of(OWNER));
    }

    private static SimulationReport simulation(String honeypot, SimulationReport.Limits limits) {
        return new SimulationReport("traded", null, "eth_simulateV1", null, null, null, null, null, List.of(), null,
                null, false, honeypot != null, false, SimulationReport.Tax.of(300, "test"),
                SimulationReport.Tax.of(2500, "test"), null, honeypot, null,
                honeypot == null ? List.of() : List.of(OWNER), null, limits, null, List.of());
    }
}
