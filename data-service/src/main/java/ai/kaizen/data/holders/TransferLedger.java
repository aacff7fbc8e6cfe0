package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import org.jspecify.annotations.Nullable;

/**
 * Balances rebuilt from Transfer logs: every address seen (sender or recipient) and what the logs say it holds.
 * Mints come from 0x0 and are not debited there. The logs are a claim by the contract, not its state: a token can
 * emit Transfers that lie or change balances without any, which is why holders are verified with balanceOf.
 */
final class TransferLedger {

    static final String TRANSFER = topic("Transfer(address,address,uint256)");
    static final String MINT = topic("Mint(address,uint256,uint256)");
    static final String BURN = topic("Burn(address,uint256,uint256,address)");
    static final String SYNC = topic("Sync(uint112,uint112)");

    /** A decoded ERC-20 Transfer. */
    record Transfer(LogEntry log, EvmAddress from, EvmAddress to, BigInteger value) {

        boolean isMint() {
            return from.isZero();
        }
    }

    private final Map<EvmAddress, BigInteger> balances = new LinkedHashMap<>();
    private final Set<EvmAddress> seen = new LinkedHashSet<>();
    private int transfers;

    static String topic(String signature) {
        return "0x" + HexFormat.of().formatHex(EvmAddress.keccak256(signature.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * An ERC-20 Transfer: from and to indexed and the value in data (the standard), or all three in data (some old
     * tokens); null for anything else (ERC-721 Transfers have a third indexed topic).
     */
    static @Nullable Transfer transfer(LogEntry log) {
        if (log.topics().isEmpty() || !TRANSFER.equals(log.topics().getFirst())) {
            return null;
        }
        byte[] data = HexFormat.of().parseHex(log.data().substring(2));
        if (log.topics().size() == 3 && data.length == 32) {
            EvmAddress from = word(HexFormat.of().parseHex(log.topics().get(1).substring(2)));
            EvmAddress to = word(HexFormat.of().parseHex(log.topics().get(2).substring(2)));
            return from == null || to == null ? null : new Transfer(log, from, to, new BigInteger(1, data));
        }
        if (log.topics().size() == 1 && data.length == 96) {
            EvmAddress from = word(java.util.Arrays.copyOfRange(data, 0, 32));
            EvmAddress to = word(java.util.Arrays.copyOfRange(data, 32, 64));
            return from == null || to == null ? null
                    : new Transfer(log, from, to, new BigInteger(1, java.util.Arrays.copyOfRange(data, 64, 96)));
        }
        return null;
    }

    private static @Nullable EvmAddress word(byte[] word) {
        for (int i = 0; i < 12; i++) {
            if (word[i] != 0) {
                return null;
            }
        }
        return EvmAddress.fromWord(word);
    }

    void apply(Transfer transfer) {
        transfers++;
        seen.add(transfer.from());
        seen.add(transfer.to());
        if (!transfer.isMint()) {
            balances.merge(transfer.from(), transfer.value().negate(), BigInteger::add);
        }
        balances.merge(transfer.to(), transfer.value(), BigInteger::add);
    }

    /** What the logs say {@code address} holds (negative when the logs are inconsistent). */
    BigInteger balance(EvmAddress address) {
        return balances.getOrDefault(address, BigInteger.ZERO);
    }

    Set<EvmAddress> seen() {
        return seen;
    }

    int transfers() {
        return transfers;
    }

    /** Seen addresses not in {@code excluded}, the largest rebuilt balance first (ties by address). */
    List<EvmAddress> candidates(Set<EvmAddress> excluded) {
        return seen.stream().filter(a -> !excluded.contains(a))
                .sorted(Comparator.comparing(this::balance).reversed().thenComparing(a -> a))
                .toList();
    }
}
