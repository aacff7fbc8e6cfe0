package ai.kaizen.data.liquidity;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.facts.Evidence;
import org.jspecify.annotations.Nullable;

/**
 * One Uniswap-V2-style pool of the token against a quote token (wrapped native or a configured stablecoin), read at
 * the collection block.
 *
 * @param dex           the configured DEX name
 * @param router        that DEX's router (trade through it), when configured
 * @param tokenIsToken0 whether the token is the pair's token0 (reserve order)
 * @param quoteUsd      USD per whole quote token (1 for stablecoins, the on-chain native price for wrapped native);
 *                      null when no stablecoin pool prices the native coin
 * @param priceUsd      USD per whole token in this pool; null when quoteUsd or the token's decimals are unknown
 * @param liquidityUsd  both sides in USD, the token side valued at the deepest pool's price; null when unknown
 * @param lp            LP token supply, burned balances and locker holdings
 */
public record Pool(String dex, EvmAddress factory, @Nullable EvmAddress router, EvmAddress pair, EvmAddress quote,
                   String quoteSymbol, int quoteDecimals, QuoteKind quoteKind, boolean tokenIsToken0,
                   BigInteger tokenReserve, BigInteger quoteReserve, @Nullable BigDecimal quoteUsd,
                   @Nullable BigDecimal priceUsd, @Nullable BigDecimal liquidityUsd, LpState lp,
                   List<Evidence> evidence) {

    public enum QuoteKind { WRAPPED_NATIVE, STABLECOIN }

    /** The quote side in USD (null when the quote's price is unknown). */
    public @Nullable BigDecimal quoteSideUsd() {
        return quoteUsd == null ? null : Shares.usd(quoteReserve, quoteDecimals, quoteUsd);
    }

    /** No liquidity on one side: nothing can be traded. */
    public boolean empty() {
        return tokenReserve.signum() == 0 || quoteReserve.signum() == 0;
    }

    Pool withValuation(@Nullable BigDecimal price, @Nullable BigDecimal liquidity) {
        return new Pool(dex, factory, router, pair, quote, quoteSymbol, quoteDecimals, quoteKind, tokenIsToken0,
                tokenReserve, quoteReserve, quoteUsd, price, liquidity, lp, evidence);
    }

    /**
     * The pair's LP token: {@code totalSupply}, the balances of 0x0 and 0x…dEaD (burned; Uniswap's 1,000 minimum
     * liquidity sits at 0x0), and what each configured locker holds.
     */
    public record LpState(@Nullable BigInteger totalSupply, BigInteger atZero, BigInteger atDead,
                          List<LockerHolding> lockers) {

        public BigInteger burned() {
            return atZero.add(atDead);
        }

        public BigInteger locked() {
            return lockers.stream().map(LockerHolding::balance).reduce(BigInteger.ZERO, BigInteger::add);
        }
    }

    /**
     * LP tokens held by a configured locker, and how the locker lists its locks for this pair (read by the next
     * round): {@code interfaceName} names the view functions that answered, {@code lockRefs} are lock ids
     * (LiquidityLocker, Team Finance) or indexes (UNCX), null when no known interface answered.
     */
    public record LockerHolding(EvmAddress locker, String name, BigInteger balance, @Nullable String interfaceName,
                                @Nullable List<BigInteger> lockRefs) {
    }
}
