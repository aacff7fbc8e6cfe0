package ai.kaizen.data.holders;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.liquidity.Shares;
import org.jspecify.annotations.Nullable;

/** Holder arithmetic on verified balances: ranking, top-10 share, concentration. */
final class HolderMath {

    /** One holder and its balance. */
    record Entry(EvmAddress address, BigInteger balance) {
    }

    private HolderMath() {
    }

    /** Holders with a positive balance, excluded addresses left out, the largest first (ties by address). */
    static List<Entry> rank(Map<EvmAddress, BigInteger> balances, Set<EvmAddress> excluded) {
        List<Entry> out = new ArrayList<>();
        for (Map.Entry<EvmAddress, BigInteger> entry : balances.entrySet()) {
            if (entry.getValue().signum() > 0 && !excluded.contains(entry.getKey())) {
                out.add(new Entry(entry.getKey(), entry.getValue()));
            }
        }
        out.sort(Comparator.comparing(Entry::balance).reversed().thenComparing(Entry::address));
        return out;
    }

    static BigInteger topSum(List<Entry> ranked, int n) {
        return ranked.stream().limit(n).map(Entry::balance).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** The ten largest holders' share of {@code supply}, in basis points. */
    static int top10Bps(List<Entry> ranked, BigInteger supply) {
        return Shares.bps(topSum(ranked, 10), supply);
    }

    /**
     * Concentrated: the top 10 hold at least {@code concentratedTop10Bps} of the supply and that share sits with a
     * group — at least {@code minWhales} holders of {@code whaleBps} or more each — or one holder that is neither the
     * owner nor the creator holds {@code singleHolderBps} or more. A single issuer treasury (a stablecoin's deployer
     * holding nearly everything) is the owner's or creator's share, reported as such, not a concentration signal.
     */
    static boolean concentrated(List<Entry> ranked, BigInteger supply, @Nullable EvmAddress owner,
                                @Nullable EvmAddress creator, HoldersProperties rules) {
        if (supply.signum() <= 0 || top10Bps(ranked, supply) < rules.concentratedTop10Bps()) {
            return false;
        }
        long whales = ranked.stream().filter(e -> Shares.bps(e.balance(), supply) >= rules.whaleBps()).count();
        if (whales >= rules.minWhales()) {
            return true;
        }
        return ranked.stream().anyMatch(e -> !e.address().equals(owner) && !e.address().equals(creator)
                && Shares.bps(e.balance(), supply) >= rules.singleHolderBps());
    }
}
