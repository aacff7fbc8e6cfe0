package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.signals.Signal;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static ai.kaizen.data.holders.HolderMathTests.LOCKER;
import static ai.kaizen.data.holders.HolderMathTests.POOL;
import static ai.kaizen.data.holders.HolderMathTests.TOKEN;
import static ai.kaizen.data.holders.HolderMathTests.address;
import static ai.kaizen.data.holders.HolderMathTests.topic;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The siphon rules on hand-made logs and transactions: who may move a holder's tokens (the holder, a spender it
 * approved, anyone calling a contract other than the token), what is never a holder, and balance rewrites.
 */
class SiphonCheckTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final EvmAddress HOLDER = address(0x10);
    private static final EvmAddress OWNER = address(0x20);
    private static final EvmAddress ROUTER = address(0x30);
    private static final EvmAddress OTHER = address(0x40);
    private static final Set<EvmAddress> EXCLUDED = Set.of(EvmAddress.ZERO, EvmAddress.DEAD, TOKEN, POOL, LOCKER);

    private static String hash(int n) {
        return String.format("0x%064x", n);
    }

    private static LogEntry transfer(long block, long index, String tx, EvmAddress from, EvmAddress to, long value) {
        return new LogEntry(block, index, tx, TOKEN.toLowerHex(), List.of(TransferLedger.TRANSFER, topic(from), topic(to)),
                String.format("0x%064x", value));
    }

    private static LogEntry approval(long block, long index, String tx, EvmAddress owner, EvmAddress spender) {
        return new LogEntry(block, index, tx, TOKEN.toLowerHex(), List.of(SiphonCheck.APPROVAL, topic(owner),
                topic(spender)), String.format("0x%064x", 1_000_000));
    }

    private static LogEntry event(long block, long index, String tx, String... topics) {
        List<String> all = new ArrayList<>();
        all.add(TransferLedger.topic("SnapshotSynced(uint256)"));
        all.addAll(List.of(topics));
        return new LogEntry(block, index, tx, TOKEN.toLowerHex(), all, "0x");
    }

    private static RpcReply tx(String hash, EvmAddress from, EvmAddress to, String input) {
        return new RpcReply(MAPPER.valueToTree(Map.of("hash", hash, "from", from.toLowerHex(), "to", to.toLowerHex(),
                "input", input)), null);
    }

    private static String word(EvmAddress address) {
        return "0".repeat(24) + address.toLowerHex().substring(2);
    }

    /** Runs the check with the node answering {@code replies} (by transaction hash). */
    private static List<Signal> run(List<LogEntry> logs, Map<String, RpcReply> replies,
                                    List<SiphonCheck.Shortfall> shortfalls) {
        SiphonCheck check = new SiphonCheck(TOKEN, logs, EXCLUDED, 200);
        List<RpcReply> answered = new ArrayList<>();
        for (RpcCall call : check.calls()) {
            String wanted = (String) call.params().getFirst();
            answered.add(replies.getOrDefault(wanted, new RpcReply(null, new RpcError(-32000, "unknown", null))));
        }
        return check.signals(check.transactions(answered), shortfalls);
    }

    @Test
    void aTransferOutOfAHolderSentToTheTokenBySomeoneElseIsASiphon() {
        List<LogEntry> logs = List.of(
                transfer(1, 0, hash(1), POOL, HOLDER, 5_000),
                transfer(2, 0, hash(2), HOLDER, OWNER, 2_000));
        List<Signal> signals = run(logs, Map.of(hash(1), tx(hash(1), HOLDER, ROUTER, "0x7ff36ab5"),
                hash(2), tx(hash(2), OWNER, TOKEN, "0x43e9585f" + word(HOLDER) + "0".repeat(61) + "7d0")), List.of());
        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.code()).isEqualTo("siphoned_holder");
            assertThat(signal.kind()).isEqualTo(Signal.EVIDENCE);
            assertThat(signal.params()).containsExactlyInAnyOrderEntriesOf(Map.of("holder", HOLDER.toChecksum(), "amount", "2000",
                    "tx", hash(2), "by", OWNER.toChecksum()));
            assertThat(signal.params().keySet()).containsExactly("holder", "amount", "tx", "by");
            assertThat(signal.evidence()).hasSize(2);
            assertThat(signal.evidence().getFirst().input()).isEqualTo(hash(2) + "#0");
        });
    }

    @Test
    void theHolderItselfAnApprovedSpenderOrACallToAnotherContractIsNotASiphon() {
        List<LogEntry> logs = List.of(
                transfer(1, 0, hash(1), POOL, HOLDER, 9_000),
                // the holder's own transfer and sell
                transfer(2, 0, hash(2), HOLDER, OTHER, 1_000),
                transfer(3, 0, hash(3), HOLDER, POOL, 1_000),
                // a spender it approved, calling the token's transferFrom
                approval(4, 0, hash(4), HOLDER, OWNER),
                transfer(5, 0, hash(5), HOLDER, OWNER, 1_000),
                // a settlement contract or aggregator moving it on someone else's transaction: not a call to the token
                transfer(6, 0, hash(6), HOLDER, ROUTER, 1_000),
                // a signed authorization (permit-style) in the same transaction, relayed by someone else
                approval(7, 0, hash(7), HOLDER, ROUTER),
                transfer(7, 1, hash(7), HOLDER, OTHER, 1_000));
        Map<String, RpcReply> replies = Map.of(
                hash(2), tx(hash(2), HOLDER, TOKEN, "0xa9059cbb"),
                hash(3), tx(hash(3), HOLDER, ROUTER, "0x791ac947"),
                hash(4), tx(hash(4), HOLDER, TOKEN, "0x095ea7b3"),
                hash(5), tx(hash(5), OWNER, TOKEN, "0x23b872dd"),
                hash(6), tx(hash(6), OTHER, ROUTER, "0x13d79a0b"),
                hash(7), tx(hash(7), OTHER, TOKEN, "0xe3ee160e"));
        assertThat(run(logs, replies, List.of())).isEmpty();
    }

    @Test
    void aHolderThatGainsInTheTransactionPoolsLockersAndTheTokenAreNeverSiphoned() {
        List<LogEntry> logs = List.of(
                // a fee charged to the recipient: it still gains in the transaction
                transfer(1, 0, hash(1), OTHER, HOLDER, 1_000),
                transfer(1, 1, hash(1), HOLDER, TOKEN, 50),
                // swaps and lock withdrawals: the pool and the locker are not holders
                transfer(2, 0, hash(2), POOL, OTHER, 1_000),
                transfer(3, 0, hash(3), LOCKER, OWNER, 1_000),
                transfer(4, 0, hash(4), TOKEN, POOL, 1_000),
                // a zero-value transferFrom (address poisoning) takes nothing
                transfer(5, 0, hash(5), HOLDER, OWNER, 0));
        // Only the sender of the first transfer lost tokens: its transaction is the one read.
        SiphonCheck check = new SiphonCheck(TOKEN, logs, EXCLUDED, 200);
        assertThat(check.calls()).extracting(call -> call.params().getFirst()).containsExactly(hash(1));
        assertThat(run(logs, Map.of(hash(1), tx(hash(1), OTHER, TOKEN, "0xa9059cbb")), List.of())).isEmpty();
    }

    @Test
    void aBalanceRewrittenWithoutATransferIsBlamedOnTheCallThatNamedTheHolder() {
        List<LogEntry> logs = List.of(
                transfer(1, 0, hash(1), POOL, HOLDER, 5_000),
                event(2, 0, hash(2), hash(1)),
                event(3, 0, hash(3), hash(2)));
        Map<String, RpcReply> replies = Map.of(
                hash(2), tx(hash(2), OWNER, TOKEN, "0x8d1b5b34" + word(HOLDER) + "0".repeat(64)),
                hash(3), tx(hash(3), OWNER, TOKEN, "0x8d1b5b34" + word(OWNER) + "0".repeat(61) + "fa0"));
        SiphonCheck.Shortfall shortfall = new SiphonCheck.Shortfall(HOLDER, BigInteger.valueOf(5_000), BigInteger.ZERO,
                null);
        assertThat(run(logs, replies, List.of(shortfall))).singleElement().satisfies(signal -> {
            assertThat(signal.params()).containsEntry("holder", HOLDER.toChecksum()).containsEntry("amount", "5000")
                    .containsEntry("tx", hash(2)).containsEntry("by", OWNER.toChecksum());
            assertThat(signal.evidence()).hasSize(3);
        });

        // A shortfall no call explains (a rebase, a token that burns without events) is not blamed on anyone.
        SiphonCheck.Shortfall unexplained = new SiphonCheck.Shortfall(OTHER, BigInteger.valueOf(100), BigInteger.TEN,
                null);
        assertThat(run(logs, replies, List.of(unexplained))).isEmpty();
        // Nor is one the holder caused itself.
        Map<String, RpcReply> own = Map.of(hash(2), tx(hash(2), HOLDER, TOKEN, "0x8d1b5b34" + word(HOLDER)));
        assertThat(run(logs, own, List.of(shortfall))).isEmpty();
    }

    @Test
    void theLargestLossesAreReadFirstAndTheCapIsSaid() {
        List<LogEntry> logs = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            logs.add(transfer(i, 0, hash(i), address(0x100 + i), OTHER, 1_000L * i));
        }
        SiphonCheck check = new SiphonCheck(TOKEN, logs, EXCLUDED, 2);
        assertThat(check.calls()).extracting(call -> call.params().getFirst()).containsExactly(hash(5), hash(4));
        assertThat(check.capNote()).contains("2 of 5 transactions").contains("kaizen.holders.max-sender-lookups");
        assertThat(new SiphonCheck(TOKEN, logs, EXCLUDED, 200).capNote()).isNull();
    }

    @Test
    void aTransactionWhoseHashDoesNotMatchIsIgnored() {
        List<LogEntry> logs = List.of(transfer(2, 0, hash(2), HOLDER, OWNER, 2_000));
        assertThat(run(logs, Map.of(hash(2), tx(hash(9), OWNER, TOKEN, "0x")), List.of())).isEmpty();
    }
}
