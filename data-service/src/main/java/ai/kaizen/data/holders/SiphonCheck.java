package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import ai.kaizen.data.signals.Signal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code siphoned_holder}: a holder lost tokens in a transaction it did not authorize. Planned from the token's logs
 * before the balance round (so the transactions it needs ride in that round's batch), decided after it.
 * <p>
 * Both rules look only at transactions sent <b>directly to the token contract</b> by an account {@code S} that is
 * not the holder {@code H} and that {@code H} never approved ({@code Approval(H, S)} before the loss): with a plain
 * ERC-20 nobody can move another account's tokens that way, whereas swaps, aggregators, settlement contracts, smart
 * wallets and meta-transaction forwarders all call a contract of their own, not the token.
 * <ul>
 * <li><b>moved</b>: {@code Transfer(H → …)} in such a transaction, {@code H}'s net change in it negative, and no
 * other event of the token in it naming {@code H} as its first indexed argument (a signed authorization: permit's
 * Approval, EIP-3009's AuthorizationUsed);</li>
 * <li><b>rewritten</b>: {@code balanceOf(H)} is below what the Transfer logs give {@code H}, and such a transaction
 * emitted an event of the token but no Transfer at all while its calldata carries {@code H} as an argument; the
 * amount is the shortfall.</li>
 * </ul>
 * Never holders: 0x0, 0x…dEaD, the token itself, its pools and the lockers. Transactions read are capped (the largest
 * losses first); coverage says when the cap bound.
 */
final class SiphonCheck {

    static final String APPROVAL = TransferLedger.topic("Approval(address,address,uint256)");
    /** Transactions without a Transfer read for the rewrite rule (latest first). */
    static final int MAX_REWRITE_LOOKUPS = 50;
    private static final int MAX_SIGNALS = 20;
    private static final HexFormat HEX = HexFormat.of();

    /** A holder's net loss in one transaction, and its first outgoing Transfer there. */
    record Loss(String tx, EvmAddress holder, BigInteger amount, LogEntry firstOut, EvmAddress recipient) {
    }

    /** A holder whose balanceOf is below what the logs give it. */
    record Shortfall(EvmAddress holder, BigInteger fromLogs, BigInteger balanceOf, @Nullable Evidence balanceCall) {

        BigInteger amount() {
            return fromLogs.subtract(balanceOf);
        }
    }

    /** The transaction fields the rules need, schema-checked. */
    record Tx(String hash, EvmAddress from, @Nullable EvmAddress to, String input) {
    }

    private final EvmAddress token;
    private final Map<String, List<LogEntry>> byTx = new LinkedHashMap<>();
    private final Map<EvmAddress, List<LogEntry>> approvals = new LinkedHashMap<>();
    private final List<Loss> losses = new ArrayList<>();
    private final List<String> rewriteTxs = new ArrayList<>();
    private final List<String> lookups = new ArrayList<>();
    private final int lossTxCount;

    /**
     * @param tokenLogs  every log of the token, in chain order (Transfers, Approvals and any other event)
     * @param excluded   never holders (0x0, 0x…dEaD, the token, pools, lockers)
     * @param maxLookups transactions read for the "moved" rule (the largest losses first)
     */
    SiphonCheck(EvmAddress token, List<LogEntry> tokenLogs, Set<EvmAddress> excluded, int maxLookups) {
        this.token = token;
        for (LogEntry log : tokenLogs) {
            byTx.computeIfAbsent(log.transactionHash(), h -> new ArrayList<>()).add(log);
            EvmAddress owner = approvalOwner(log);
            if (owner != null) {
                approvals.computeIfAbsent(owner, o -> new ArrayList<>()).add(log);
            }
        }
        List<String> withoutTransfer = new ArrayList<>();
        for (Map.Entry<String, List<LogEntry>> entry : byTx.entrySet()) {
            Map<EvmAddress, BigInteger> net = new LinkedHashMap<>();
            Map<EvmAddress, TransferLedger.Transfer> firstOut = new LinkedHashMap<>();
            boolean anyTransfer = false;
            boolean onlyApprovals = true;
            for (LogEntry log : entry.getValue()) {
                TransferLedger.Transfer transfer = TransferLedger.transfer(log);
                if (transfer == null) {
                    onlyApprovals &= isApproval(log);
                    continue;
                }
                anyTransfer = true;
                if (!transfer.isMint()) {
                    net.merge(transfer.from(), transfer.value().negate(), BigInteger::add);
                    firstOut.putIfAbsent(transfer.from(), transfer);
                }
                net.merge(transfer.to(), transfer.value(), BigInteger::add);
            }
            if (!anyTransfer && !onlyApprovals) {
                withoutTransfer.add(entry.getKey());
            }
            for (Map.Entry<EvmAddress, BigInteger> change : net.entrySet()) {
                EvmAddress holder = change.getKey();
                if (change.getValue().signum() >= 0 || excluded.contains(holder) || !firstOut.containsKey(holder)
                        || authorizedInTransaction(entry.getValue(), holder)) {
                    continue;
                }
                TransferLedger.Transfer out = firstOut.get(holder);
                losses.add(new Loss(entry.getKey(), holder, change.getValue().negate(), out.log(), out.to()));
            }
        }
        losses.sort(Comparator.comparing(Loss::amount).reversed());
        Set<String> lossTxs = new LinkedHashSet<>();
        losses.forEach(loss -> lossTxs.add(loss.tx()));
        this.lossTxCount = lossTxs.size();
        Set<String> chosen = new LinkedHashSet<>();
        for (String tx : lossTxs) {
            if (chosen.size() >= maxLookups) {
                break;
            }
            chosen.add(tx);
        }
        for (int i = withoutTransfer.size() - 1; i >= 0 && rewriteTxs.size() < MAX_REWRITE_LOOKUPS; i--) {
            rewriteTxs.add(withoutTransfer.get(i));
        }
        chosen.addAll(rewriteTxs);
        lookups.addAll(chosen);
    }

    /** The transactions to read, in the balance round's batch. */
    List<RpcCall> calls() {
        return lookups.stream().map(hash -> RpcCall.of("eth_getTransactionByHash", hash)).toList();
    }

    int calledTransactions() {
        return lookups.size();
    }

    /** A note when the cap left transactions with holder losses unread, else null. */
    @Nullable String capNote() {
        long read = losses.stream().map(Loss::tx).distinct().filter(lookups::contains).count();
        return read >= lossTxCount ? null : "the siphon check read " + read + " of " + lossTxCount
                + " transactions in which a holder lost tokens (kaizen.holders.max-sender-lookups)";
    }

    /** Decodes the replies of {@link #calls()} (same order); unreadable transactions are left out. */
    Map<String, Tx> transactions(List<RpcReply> replies) {
        Map<String, Tx> out = new LinkedHashMap<>();
        for (int i = 0; i < lookups.size() && i < replies.size(); i++) {
            Tx tx = tx(lookups.get(i), replies.get(i));
            if (tx != null) {
                out.put(tx.hash(), tx);
            }
        }
        return out;
    }

    static @Nullable Tx tx(String hash, RpcReply reply) {
        try {
            JsonNode result = reply.resultOrThrow();
            if (!result.isObject() || !hash.equalsIgnoreCase(result.path("hash").asString(""))) {
                return null;
            }
            EvmAddress from = EvmAddress.tryParse(result.path("from").asString(""));
            EvmAddress to = result.path("to").isString() ? EvmAddress.tryParse(result.path("to").asString()) : null;
            String input = Hex.requireHex(result.has("input") ? result.path("input") : result.path("data"), "input");
            return from == null ? null : new Tx(hash, from, to, input.toLowerCase(Locale.ROOT));
        } catch (RpcException e) {
            return null;
        }
    }

    /** The signals, the largest loss first; at most {@value #MAX_SIGNALS}. */
    List<Signal> signals(Map<String, Tx> txs, List<Shortfall> shortfalls) {
        List<Signal> signals = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (Loss loss : losses) {
            Tx tx = txs.get(loss.tx());
            if (tx == null || !direct(tx, loss.holder()) || approved(loss.holder(), tx.from(), loss.firstOut())
                    || !reported.add(loss.holder() + " " + loss.tx()) || signals.size() >= MAX_SIGNALS) {
                continue;
            }
            LogEntry out = loss.firstOut();
            signals.add(signal(loss.holder(), loss.amount(), tx, List.of(
                    new Evidence("log", token.toChecksum(), out.transactionHash() + "#" + out.logIndex(), out.data(),
                            "Transfer(" + loss.holder().toChecksum() + " → " + loss.recipient().toChecksum()
                                    + ") in block " + out.blockNumber() + "; the holder's net loss in the transaction is "
                                    + loss.amount()),
                    transactionEvidence(tx, "sent to the token by " + tx.from().toChecksum()
                            + ", neither the holder nor a spender it approved"))));
        }
        for (Shortfall shortfall : shortfalls) {
            if (shortfall.amount().signum() <= 0 || signals.size() >= MAX_SIGNALS) {
                continue;
            }
            String word = "000000000000000000000000" + shortfall.holder().toLowerHex().substring(2);
            Tx cause = null;
            for (int i = rewriteTxs.size() - 1; i >= 0 && cause == null; i--) {
                Tx tx = txs.get(rewriteTxs.get(i));
                LogEntry first = tx == null ? null : byTx.get(tx.hash()).getFirst();
                if (tx != null && direct(tx, shortfall.holder()) && carries(tx.input(), word)
                        && !approved(shortfall.holder(), tx.from(), first)) {
                    cause = tx;
                }
            }
            if (cause == null || !reported.add(shortfall.holder() + " " + cause.hash())) {
                continue;
            }
            List<Evidence> evidence = new ArrayList<>();
            evidence.add(shortfall.balanceCall() != null ? shortfall.balanceCall()
                    : new Evidence("call", token.toChecksum(), "balanceOf(address)", shortfall.balanceOf().toString(),
                    "balanceOf(" + shortfall.holder().toChecksum() + ")"));
            evidence.add(new Evidence("log", token.toChecksum(), "eth_getLogs", shortfall.fromLogs().toString(),
                    "the Transfer logs give " + shortfall.holder().toChecksum() + " " + shortfall.fromLogs()
                            + " but balanceOf reads " + shortfall.balanceOf() + ": " + shortfall.amount()
                            + " left without a Transfer event"));
            evidence.add(transactionEvidence(cause, "sent to the token by " + cause.from().toChecksum()
                    + " with the holder as an argument; it emitted events of the token but no Transfer"));
            signals.add(signal(shortfall.holder(), shortfall.amount(), cause, List.copyOf(evidence)));
        }
        return List.copyOf(signals);
    }

    private Signal signal(EvmAddress holder, BigInteger amount, Tx tx, List<Evidence> evidence) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("holder", holder.toChecksum());
        params.put("amount", amount.toString());
        params.put("tx", tx.hash());
        params.put("by", tx.from().toChecksum());
        return new Signal("siphoned_holder", Signal.EVIDENCE, params, evidence);
    }

    private Evidence transactionEvidence(Tx tx, String detail) {
        String selector = tx.input().length() >= 10 ? tx.input().substring(0, 10) : tx.input();
        return new Evidence("rpc", tx.from().toChecksum(), "eth_getTransactionByHash " + tx.hash(),
                "from " + tx.from().toChecksum() + " to " + (tx.to() == null ? "none" : tx.to().toChecksum())
                        + ", calldata selector " + selector, detail);
    }

    /** Sent straight to the token contract by someone other than the holder. */
    private boolean direct(Tx tx, EvmAddress holder) {
        return token.equals(tx.to()) && !tx.from().equals(holder);
    }

    /** Whether the holder had approved {@code spender} (an Approval of the token) before {@code at}. */
    private boolean approved(EvmAddress holder, EvmAddress spender, @Nullable LogEntry at) {
        for (LogEntry approval : approvals.getOrDefault(holder, List.of())) {
            if (at != null && !before(approval, at)) {
                break;
            }
            EvmAddress approvedSpender = topicAddress(approval, 2);
            if (spender.equals(approvedSpender)) {
                return true;
            }
        }
        return false;
    }

    /** Another event of the token in the same transaction names the holder first: a signed authorization. */
    private static boolean authorizedInTransaction(List<LogEntry> logs, EvmAddress holder) {
        for (LogEntry log : logs) {
            if (TransferLedger.transfer(log) == null && holder.equals(topicAddress(log, 1))) {
                return true;
            }
        }
        return false;
    }

    /** The calldata (after the selector) carries {@code word} as one of its 32-byte words. */
    static boolean carries(String input, String word) {
        for (int at = 10; at + 64 <= input.length(); at += 64) {
            if (input.regionMatches(true, at, word, 0, 64)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isApproval(LogEntry log) {
        return !log.topics().isEmpty() && APPROVAL.equals(log.topics().getFirst());
    }

    private static @Nullable EvmAddress approvalOwner(LogEntry log) {
        return isApproval(log) && log.topics().size() == 3 ? topicAddress(log, 1) : null;
    }

    private static @Nullable EvmAddress topicAddress(LogEntry log, int index) {
        if (log.topics().size() <= index) {
            return null;
        }
        byte[] word = HEX.parseHex(log.topics().get(index).substring(2));
        for (int i = 0; i < 12; i++) {
            if (word[i] != 0) {
                return null;
            }
        }
        return EvmAddress.fromWord(word);
    }

    private static boolean before(LogEntry a, LogEntry b) {
        return a.blockNumber() < b.blockNumber() || (a.blockNumber() == b.blockNumber() && a.logIndex() < b.logIndex());
    }
}
