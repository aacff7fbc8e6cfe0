package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HolderMathTests {

    static final EvmAddress TOKEN = address(0xee);
    static final EvmAddress POOL = address(0xa1);
    static final EvmAddress LOCKER = address(0xb1);
    static final BigInteger SUPPLY = BigInteger.valueOf(10_000);

    static EvmAddress address(int n) {
        return EvmAddress.parse(String.format("0x%040x", n));
    }

    static String topic(EvmAddress address) {
        return "0x" + "0".repeat(24) + address.toLowerHex().substring(2);
    }

    static LogEntry transfer(long block, long index, EvmAddress from, EvmAddress to, long value) {
        return new LogEntry(block, index, "0x" + String.format("%064x", block * 100 + index), TOKEN.toLowerHex(),
                List.of(TransferLedger.TRANSFER, topic(from), topic(to)), String.format("0x%064x", value));
    }

    @Test
    void balancesAreRebuiltFromTransfersAndEveryAddressSeenIsACandidate() {
        TransferLedger ledger = new TransferLedger();
        List<LogEntry> logs = List.of(
                transfer(1, 0, EvmAddress.ZERO, address(1), 10_000),
                transfer(2, 0, address(1), POOL, 6_000),
                transfer(3, 0, POOL, address(2), 1_000),
                transfer(3, 1, address(1), EvmAddress.DEAD, 500),
                transfer(4, 0, address(2), LOCKER, 100),
                transfer(5, 0, address(2), address(3), 900));
        logs.forEach(log -> ledger.apply(TransferLedger.transfer(log)));
        assertThat(ledger.transfers()).isEqualTo(6);
        assertThat(ledger.balance(address(1))).isEqualTo(3_500);
        assertThat(ledger.balance(POOL)).isEqualTo(5_000);
        assertThat(ledger.balance(address(2))).isZero();
        assertThat(ledger.balance(EvmAddress.ZERO)).as("mints are not debited at 0x0").isZero();
        assertThat(ledger.candidates(Set.of(EvmAddress.ZERO, EvmAddress.DEAD, POOL, LOCKER, TOKEN)))
                .containsExactly(address(1), address(3), address(2));
    }

    @Test
    void onlyErc20TransfersDecode() {
        LogEntry standard = transfer(1, 0, address(1), address(2), 5);
        assertThat(TransferLedger.transfer(standard)).isNotNull();
        LogEntry unindexed = new LogEntry(1, 1, standard.transactionHash(), TOKEN.toLowerHex(),
                List.of(TransferLedger.TRANSFER), "0x" + topic(address(1)).substring(2) + topic(address(2)).substring(2)
                + String.format("%064x", 7));
        assertThat(TransferLedger.transfer(unindexed).value()).isEqualTo(7);
        LogEntry erc721 = new LogEntry(1, 2, standard.transactionHash(), TOKEN.toLowerHex(),
                List.of(TransferLedger.TRANSFER, topic(address(1)), topic(address(2)), String.format("0x%064x", 1)), "0x");
        assertThat(TransferLedger.transfer(erc721)).isNull();
        LogEntry dirtyTopic = new LogEntry(1, 3, standard.transactionHash(), TOKEN.toLowerHex(),
                List.of(TransferLedger.TRANSFER, "0x" + "f".repeat(64), topic(address(2))), String.format("0x%064x", 1));
        assertThat(TransferLedger.transfer(dirtyTopic)).isNull();
    }

    @Test
    void rankingLeavesOutExcludedAndEmptyAccountsAndTopTenIsShareOfSupply() {
        Map<EvmAddress, BigInteger> balances = new LinkedHashMap<>();
        for (int i = 1; i <= 12; i++) {
            balances.put(address(i), BigInteger.valueOf(100L * i));
        }
        balances.put(address(13), BigInteger.ZERO);
        balances.put(POOL, BigInteger.valueOf(5_000));
        List<HolderMath.Entry> ranked = HolderMath.rank(balances, Set.of(POOL));
        assertThat(ranked).hasSize(12);
        assertThat(ranked.getFirst().address()).isEqualTo(address(12));
        // 1200 + 1100 + ... + 300 = 7500 of 10,000.
        assertThat(HolderMath.top10Bps(ranked, SUPPLY)).isEqualTo(7500);
        assertThat(HolderMath.top10Bps(ranked, BigInteger.valueOf(15_000))).isEqualTo(5000);
    }

    @Test
    void concentrationNeedsAGroupOfWhalesOrOneOutsideWhaleNotAnIssuerTreasury() {
        HoldersProperties rules = HoldersProperties.defaults();
        List<HolderMath.Entry> whales = List.of(entry(1, 1700), entry(2, 1500), entry(3, 1000), entry(4, 1000),
                entry(5, 800));
        assertThat(HolderMath.concentrated(whales, SUPPLY, null, address(1), rules)).isTrue();

        List<HolderMath.Entry> treasury = List.of(entry(1, 9966), entry(2, 1));
        assertThat(HolderMath.concentrated(treasury, SUPPLY, address(1), address(1), rules)).isFalse();
        assertThat(HolderMath.concentrated(treasury, SUPPLY, null, address(9), rules)).as("an outsider holding 99 %")
                .isTrue();

        List<HolderMath.Entry> spread = List.of(entry(1, 2000), entry(2, 933), entry(3, 925), entry(4, 868),
                entry(5, 466), entry(6, 393), entry(7, 226), entry(8, 202), entry(9, 149), entry(10, 98));
        assertThat(HolderMath.top10Bps(spread, SUPPLY)).isGreaterThan(5000);
        assertThat(HolderMath.concentrated(spread, SUPPLY, address(1), address(1), rules)).isFalse();

        List<HolderMath.Entry> small = List.of(entry(1, 1000), entry(2, 1000), entry(3, 1000));
        assertThat(HolderMath.concentrated(small, SUPPLY, null, null, rules)).as("three whales but 30 % in all")
                .isFalse();
    }

    private static HolderMath.Entry entry(int n, long balance) {
        return new HolderMath.Entry(address(n), BigInteger.valueOf(balance));
    }
}
