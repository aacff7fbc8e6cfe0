package ai.kaizen.data.privileges;

import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static ai.kaizen.data.simulation.ProbeLayout.*;
import static org.assertj.core.api.Assertions.assertThat;

class FindingsTests {

    private static final EvmAddress CALLER = EvmAddress.parse("0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc");
    private static final Check BEFORE = new CheckBuilder().build();

    private static List<String> codes(Check before, Check after, Findings.TraceFacts trace) {
        return Findings.classify(before, after, CALLER, trace).stream().map(Findings.Finding::code).toList();
    }

    private static List<String> codes(Check after) {
        return codes(BEFORE, after, Findings.TraceFacts.NONE);
    }

    @Test
    void nothingChangedIsNothing() {
        assertThat(codes(new CheckBuilder().build())).isEmpty();
    }

    @Test
    void aGrowingSupplyIsAMintAndItsTransferLogIsNoted() {
        Check after = new CheckBuilder().set(C_SUPPLY, 1_000_010).build();
        List<Findings.Finding> found = Findings.classify(BEFORE, after, CALLER,
                new Findings.TraceFacts(false, null, false));
        assertThat(found).extracting(Findings.Finding::code).containsExactly("mint");
        assertThat(found.getFirst().details()).containsEntry("amount", "10").containsEntry("emitsTransfer", false);
    }

    @Test
    void aVictimLosingTokensIsABalanceRewriteOfTheRightKind() {
        Check set = new CheckBuilder().set(C_BAL_V, 1).build();
        assertThat(Findings.classify(BEFORE, set, CALLER, Findings.TraceFacts.NONE).getFirst().details())
                .containsEntry("kind", "set");
        Check moved = new CheckBuilder().set(C_BAL_V, 999).set(C_BAL_CALLER, 1).build();
        assertThat(Findings.classify(BEFORE, moved, CALLER, Findings.TraceFacts.NONE).getFirst().details())
                .containsEntry("kind", "move");
        Check burned = new CheckBuilder().set(C_BAL_V, 0).set(C_SUPPLY, 999_000).build();
        assertThat(Findings.classify(BEFORE, burned, CALLER, Findings.TraceFacts.NONE).getFirst().details())
                .containsEntry("kind", "burn");
    }

    @Test
    void onlyTheVictimBlockedIsABlacklistEveryoneBlockedIsAPause() {
        assertThat(codes(new CheckBuilder().set(C_V_TRANSFER_OK, 0).build())).containsExactly("blacklist");
        assertThat(codes(new CheckBuilder().set(C_V_TRANSFER_OK, 0).set(C_O_TRANSFER_OK, 0).build()))
                .containsExactly("pausable");
        // A victim that lost its tokens cannot transfer either: that is the rewrite, not a blacklist.
        assertThat(codes(new CheckBuilder().set(C_V_TRANSFER_OK, 0).set(C_BAL_V, 1).build()))
                .containsExactly("balance_rewrite");
    }

    @Test
    void aBuyThatStartsWorkingIsTheTradingSwitch() {
        Check closed = new CheckBuilder().trade(S_BUY_OK, 0).set(C_V_TRANSFER_OK, 0).set(C_O_TRANSFER_OK, 0).build();
        assertThat(codes(closed, BEFORE, Findings.TraceFacts.NONE))
                .containsExactly("unblocks_transfers", "enables_trading");
    }

    @Test
    void aFreshWalletsTaxChangingIsTaxModifiableTheVictimsAlonePerAddress() {
        Check fees = new CheckBuilder().trade(S_SELL_POOL_RECEIVED, 36_000).build();
        List<Findings.Finding> found = Findings.classify(BEFORE, fees, CALLER, Findings.TraceFacts.NONE);
        assertThat(found).extracting(Findings.Finding::code).containsExactly("tax_modifiable");
        assertThat(found.getFirst().details()).containsEntry("sellTaxBps", "0 → 1000");
        assertThat(codes(new CheckBuilder().set(C_V_SELL_POOL_RECEIVED, 9_999).build()))
                .containsExactly("per_address_tax");
        // Exempting the victim from a tax it paid is no per-address tax.
        Check taxed = new CheckBuilder().set(C_V_SELL_POOL_RECEIVED, 9_000).build();
        assertThat(codes(taxed, BEFORE, Findings.TraceFacts.NONE)).isEmpty();
    }

    @Test
    void ownerComingBackAfterARenounceIsATakeBack() {
        Check renounced = new CheckBuilder().owner(EvmAddress.ZERO).build();
        assertThat(codes(renounced, new CheckBuilder().owner(CALLER).build(), Findings.TraceFacts.NONE))
                .containsExactly("ownership_takeback");
        // Handing a live ownership to someone is no take-back.
        assertThat(codes(new CheckBuilder().owner(CALLER).build())).isEmpty();
    }

    @Test
    void selfdestructAndForwardingComeFromTheTraceAndTheCheck() {
        assertThat(codes(BEFORE, new CheckBuilder().build(), new Findings.TraceFacts(true, "0xabc", false)))
                .containsExactly("selfdestruct");
        // Forwarding explains everything else the check saw.
        Check forwarded = new CheckBuilder().set(C_FORWARDED, 1).set(C_BAL_V, 0).set(C_SUPPLY, 5).build();
        assertThat(codes(forwarded)).containsExactly("deprecation_forwarding");
    }
}
