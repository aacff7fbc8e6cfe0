package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.util.List;

import ai.kaizen.data.facts.Evidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The token's liquidity (the analysis API's {@code liquidity} section). Percentages have two decimals and are
 * shares of the LP token's total supply; amounts are decimal strings in base units; USD values come from pool
 * reserves and an on-chain price path only (stablecoins at 1 USD, the native coin from its stablecoin pool).
 *
 * @param locked          whether any LP of the pools is in a locker and not yet unlockable
 * @param lockDuration    seconds from the collection block's time until the earliest unlock of locked LP; null when
 *                        nothing is locked or no unlock time could be read
 * @param unlockTime      that earliest unlock time (seconds since the epoch)
 * @param totalUSD        both sides of every pool in USD; null when no pool can be valued
 * @param burnedPercent   LP at 0x0 and 0x…dEaD, weighted by each pool's USD liquidity (the single pool's share when
 *                        there is one)
 * @param lockedPercent   LP in lockers with a future (or unknown) unlock time, weighted likewise
 * @param unlockedPercent the rest: LP anyone holding it can redeem now
 * @param deepestPair     the pool with the most quote-side value: where the token price comes from and where trades go
 * @param priceUsd        USD per whole token from the deepest pool
 * @param nativeUsd       USD per whole wrapped native coin, and the pool it was read from ({@code nativeUsdSource})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Liquidity(boolean locked, @Nullable Long lockDuration, @Nullable Long unlockTime,
                        @Nullable BigDecimal totalUSD, BigDecimal burnedPercent, BigDecimal lockedPercent,
                        BigDecimal unlockedPercent, @Nullable String deepestPair, @Nullable BigDecimal priceUsd,
                        @Nullable BigDecimal nativeUsd, @Nullable String nativeUsdSource, List<Pair> pairs,
                        List<String> notes, List<Evidence> evidence) {

    /**
     * One pool. {@code quote} is the quote token's address, {@code quoteSymbol} its configured symbol;
     * {@code reserves} are base units.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pair(String pair, String dex, @Nullable String router, String quote, String quoteSymbol,
                       Reserves reserves, @Nullable BigDecimal priceUsd, @Nullable BigDecimal liquidityUsd, Lp lp,
                       List<Evidence> evidence) {
    }

    public record Reserves(String token, String quote) {
    }

    /**
     * LP status of one pool. {@code unlockedHolders} are the accounts holding the unlocked LP (from the pair's
     * Transfer logs and balanceOf; null when the logs could not be read completely).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lp(@Nullable String totalSupply, BigDecimal burnedPercent, BigDecimal lockedPercent,
                     BigDecimal unlockedPercent, List<Lock> locks, @Nullable List<Holder> unlockedHolders,
                     @Nullable String note) {
    }

    /**
     * One lock. {@code unlockTime} is null when the locker's terms could not be read ({@code note} says why);
     * {@code expired} locks can be withdrawn now and count as unlocked.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lock(String locker, String lockerName, @Nullable String lockId, @Nullable String owner,
                       String amount, BigDecimal percent, @Nullable Long unlockTime, boolean expired,
                       @Nullable String note) {
    }

    public record Holder(String address, BigDecimal percent) {
    }
}
