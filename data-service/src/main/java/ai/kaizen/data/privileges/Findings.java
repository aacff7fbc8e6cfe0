package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;

/**
 * What one probe did, read from the checks before and after it (and from its call trace). Pure: the rules are the
 * whole of privilege detection, so they are unit-tested on their own.
 */
final class Findings {

    /** One finding: a capability code, its details, and a sentence for the evidence. */
    record Finding(String code, Map<String, Object> details, String summary) {
    }

    /** What the probe's call trace showed. */
    record TraceFacts(boolean selfdestruct, @Nullable String selfdestructBeneficiary, boolean mintTransferLog) {

        static final TraceFacts NONE = new TraceFacts(false, null, false);
    }

    private Findings() {
    }

    static List<Finding> classify(Check before, Check after, EvmAddress caller, TraceFacts trace) {
        List<Finding> found = new ArrayList<>();
        if (!before.forwarded() && after.forwarded()) {
            // Every call now reaches the contract the caller named: nothing else the check saw is the token's own.
            found.add(new Finding("deprecation_forwarding", Map.of(),
                    "after the call, balanceOf() answers from the address passed as argument: the token forwards to it"));
            return found;
        }
        if (trace.selfdestruct()) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (trace.selfdestructBeneficiary() != null) {
                details.put("beneficiary", trace.selfdestructBeneficiary());
            }
            found.add(new Finding("selfdestruct", details, "the call executes SELFDESTRUCT"));
        }
        if (before.supplyOk() && after.supplyOk() && after.supply().compareTo(before.supply()) > 0) {
            BigInteger minted = after.supply().subtract(before.supply());
            found.add(new Finding("mint", details("amount", minted.toString(), "emitsTransfer", trace.mintTransferLog()),
                    "totalSupply grew by " + minted + (trace.mintTransferLog() ? "" : " without a Transfer from 0x0")));
        }
        BigInteger lost = before.victimBalance().subtract(after.victimBalance());
        if (lost.signum() > 0) {
            String kind;
            if (before.supplyOk() && after.supplyOk() && after.supply().compareTo(before.supply()) < 0) {
                kind = "burn";
            } else if (after.callerBalance().subtract(before.callerBalance()).compareTo(lost) >= 0) {
                kind = "move";
            } else {
                kind = "set";
            }
            found.add(new Finding("balance_rewrite", details("kind", kind, "victimLost", lost.toString()),
                    "the victim's balance fell by " + lost + " in a call it did not send (" + kind + ")"));
        }
        boolean victimStillHolds = after.victimBalance().compareTo(before.victimBalance().shiftRight(1)) >= 0;
        if (before.victimTransferOk() && !after.victimTransferOk() && after.otherTransferOk() && victimStillHolds) {
            found.add(new Finding("blacklist", details("victimRevert", after.victimTransferRevert()),
                    "the victim can no longer transfer (" + after.victimTransferRevert() + ") while another wallet can"));
        }
        if (before.victimTransferOk() && before.otherTransferOk() && !after.victimTransferOk()
                && !after.otherTransferOk() && victimStillHolds) {
            found.add(new Finding("pausable", details("revert", after.otherTransferRevert()),
                    "no wallet can transfer any more (" + after.otherTransferRevert() + ")"));
        }
        if (!before.victimTransferOk() && !before.otherTransferOk() && after.victimTransferOk()
                && after.otherTransferOk()) {
            found.add(new Finding("unblocks_transfers", Map.of(), "wallets that could not transfer now can"));
        }
        if (before.poolFound() && !before.buyOk() && after.buyOk()) {
            found.add(new Finding("enables_trading", details("buyRevertBefore", before.buyRevert()),
                    "a fresh wallet's buy reverted before the call (" + before.buyRevert() + ") and works after it"));
        }
        boolean tradesBoth = before.buyOk() && after.buyOk() && before.sellOk() && after.sellOk();
        boolean taxChanged = tradesBoth && (differs(before.buyTaxBps(), after.buyTaxBps())
                || differs(before.sellTaxBps(), after.sellTaxBps())
                || differs(before.transferTaxBps(), after.transferTaxBps()));
        if (taxChanged) {
            found.add(new Finding("tax_modifiable", details("buyTaxBps", pair(before.buyTaxBps(), after.buyTaxBps()),
                    "sellTaxBps", pair(before.sellTaxBps(), after.sellTaxBps()),
                    "transferTaxBps", pair(before.transferTaxBps(), after.transferTaxBps())),
                    "a fresh wallet's taxes went from buy/sell/transfer " + before.buyTaxBps() + "/"
                            + before.sellTaxBps() + "/" + before.transferTaxBps() + " to " + after.buyTaxBps() + "/"
                            + after.sellTaxBps() + "/" + after.transferTaxBps() + " bps"));
        }
        if (!taxChanged && (raised(before.victimSellTaxBps(), after.victimSellTaxBps())
                || raised(before.victimTransferTaxBps(), after.victimTransferTaxBps()))) {
            found.add(new Finding("per_address_tax", details("victimSellTaxBps",
                    pair(before.victimSellTaxBps(), after.victimSellTaxBps()), "victimTransferTaxBps",
                    pair(before.victimTransferTaxBps(), after.victimTransferTaxBps())),
                    "the victim's own tax rose (sell " + before.victimSellTaxBps() + " → " + after.victimSellTaxBps()
                            + " bps) while a fresh wallet's did not change"));
        }
        EvmAddress ownerBefore = before.owner();
        EvmAddress ownerAfter = after.owner();
        if (ownerBefore != null && ownerBefore.isBurn() && caller.equals(ownerAfter)) {
            found.add(new Finding("ownership_takeback", details("ownerBefore", ownerBefore.toChecksum(), "ownerAfter",
                    ownerAfter.toChecksum()), "owner() went from " + ownerBefore.toChecksum() + " back to the caller"));
        }
        return found;
    }

    private static boolean differs(@Nullable Integer before, @Nullable Integer after) {
        return before != null && after != null && !Objects.equals(before, after);
    }

    private static boolean raised(@Nullable Integer before, @Nullable Integer after) {
        return before != null && after != null && after > before;
    }

    private static String pair(@Nullable Integer before, @Nullable Integer after) {
        return before + " → " + after;
    }

    private static Map<String, Object> details(Object... keyValues) {
        Map<String, Object> details = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            details.put((String) keyValues[i], keyValues[i + 1]);
        }
        return details;
    }
}
