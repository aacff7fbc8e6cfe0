package ai.kaizen.data.holders;

import java.math.BigDecimal;
import java.util.List;

import ai.kaizen.data.facts.Evidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * How the token's supply is spread (the analysis API's {@code distribution} section).
 * <p>
 * A <b>holder</b> is an address seen in the token's Transfer logs (as sender or recipient) whose {@code balanceOf}
 * at the collection block is above zero, excluding 0x0, 0x…dEaD, the token's pools, the configured lockers and the
 * token contract itself ({@code excluded} lists what they hold). Balances are read with balanceOf, never trusted
 * from the logs; addresses whose logs disagree with balanceOf are listed in {@code unexplainedBalances} (balances
 * changed without Transfer events: hidden mints, rewrites, reflections).
 * <p>
 * {@code top10Percentage} is the ten largest holders' share of {@code totalSupply()} — the definition of the devnet
 * manifest and of most scanners. {@code top10CirculatingPercentage} is their share of the circulating supply:
 * totalSupply minus the balances of 0x0 and 0x…dEaD. Percentages have two decimals (basis points rounded half up).
 * <p>
 * {@code partial} is true when the log scan stopped before the head block (caps on logs, requests or time, or a node
 * fault mid-scan; {@code partialReason} says which): the balances listed are still exact, but holders whose
 * transfers were not scanned are missing, so the count is a lower bound.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Distribution(int holderCount, BigDecimal top10Percentage, @Nullable BigDecimal top10CirculatingPercentage,
                           @Nullable String totalSupply, @Nullable String circulatingSupply, List<Holder> topHolders,
                           @Nullable Share owner, @Nullable Share creator, List<Excluded> excluded, boolean partial,
                           @Nullable String partialReason, Scan scan, int unexplainedBalanceCount,
                           List<Unexplained> unexplainedBalances, String method, List<Evidence> evidence) {

    /** {@code label}: owner, creator, contract, a chain label (router, locker...), comma-separated; null for none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Holder(String address, String balance, BigDecimal percent, @Nullable String label) {
    }

    /**
     * The owner's or creator's balance and share of total supply. The creator is the account that sent the creation
     * transaction (behind a factory or launchpad, the account that used it), else the contract creator the node reports.
     */
    public record Share(String address, String balance, BigDecimal percent) {
    }

    /** An address left out of the holders, what it holds, and why ({@code pool}, {@code burn}, {@code locker}...). */
    public record Excluded(String address, String reason, String balance) {
    }

    /** What the Transfer logs claim and what balanceOf says. */
    public record Unexplained(String address, String fromLogs, String balanceOf) {
    }

    /**
     * The log scan: blocks {@code fromBlock}..{@code toBlock} (the creation block, or 0 when unknown, to the
     * collection block), reached up to {@code scannedTo}; logs read (every token event and the pools' events), Transfers
     * among them, eth_getLogs requests and adaptive window splits.
     */
    public record Scan(long fromBlock, long toBlock, long scannedTo, int logs, int transfers, int requests,
                       int splits) {
    }
}
