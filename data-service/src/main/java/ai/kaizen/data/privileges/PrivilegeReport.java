package ai.kaizen.data.privileges;

import java.util.List;
import java.util.Map;

import ai.kaizen.data.facts.Evidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What privileged accounts can do to the token, found by calling every dispatcher selector as each of them against
 * a funded victim and checking the world afterwards. Labels are the names of well-known selectors, shown only as
 * labels: detection never depends on them.
 *
 * @param status          ran, skipped or failed ({@code reason} says why)
 * @param victim          the funded wallet probes aim at and how it was funded
 * @param callers         who was tried as a caller and why (owner(), a role, a storage slot, a bytecode constant,
 *                        the creator, a fresh control address)
 * @param selectorsProbed dispatcher selectors called (the standard ERC-20 ones are left out)
 * @param probesTraced    calls traced (callers x selectors x argument shapes, second stages included)
 * @param viewCallsSkipped selector and argument combinations left out of tracing because they ran under
 *                        STATICCALL (getters)
 * @param capabilities    what the calls proved possible, each with its evidence
 * @param stateChanges    every call that changed state, with the token storage it changed (setters of limits and
 *                        cooldowns are matched against these)
 * @param externalCalls   calls the token made to contracts that are not the pool, the router, the quote tokens or
 *                        itself during transfers, buys and sells
 * @param views           argument-less functions that answered one number (selector → value)
 * @param rounds          sequential JSON-RPC rounds this probing took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PrivilegeReport(String status, @Nullable String reason, @Nullable Victim victim, List<Caller> callers,
                              int selectorsProbed, int probesTraced, int viewCallsSkipped,
                              List<Capability> capabilities,
                              List<StateChange> stateChanges, List<ExternalCall> externalCalls,
                              Map<String, String> views, int rounds, List<Evidence> evidence) {

    /** The victim: address, how it got its balance (a storage override or a buy) and the balance. */
    public record Victim(String address, String funding, @Nullable String balance) {
    }

    /**
     * A caller and why it was tried. {@code visible}: it is a declared controller (owner(), getOwner(), admin(),
     * proxy admin, role admin); {@code storageSlot}: the slot holding it; {@code inBytecode}: a code constant.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Caller(String address, List<String> via, boolean visible, @Nullable Integer storageSlot,
                         boolean inBytecode, boolean creator) {
    }

    /**
     * One capability. {@code code}: mint, balance_rewrite, blacklist, pausable, unblocks_transfers, enables_trading,
     * tax_modifiable, per_address_tax, ownership_takeback, selfdestruct, deprecation_forwarding. {@code stage} 2
     * means it needed the call named in {@code requires} first (e.g. a blacklist before burning the victim's funds).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capability(String code, String selector, @Nullable String label, String caller,
                             List<String> callerVia, boolean byAnyone, String arguments, int stage,
                             @Nullable String requires, @Nullable String requiresSelector, Map<String, Object> details,
                             List<Evidence> evidence) {
    }

    /** A state-changing call and the token storage it changed. */
    public record StateChange(String selector, @Nullable String label, String caller, String arguments, int stage,
                              List<StateDiff.Slot> tokenSlots) {
    }

    /** A call out of the token to an unknown contract ({@code during}: the step that made it). */
    public record ExternalCall(String target, String selector, String type, String during) {
    }
}
