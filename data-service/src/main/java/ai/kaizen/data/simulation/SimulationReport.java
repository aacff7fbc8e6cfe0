package ai.kaizen.data.simulation;

import java.math.BigDecimal;
import java.util.List;

import ai.kaizen.data.facts.Evidence;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * What a fresh wallet experienced trading the token through its deepest pool (eth_call / eth_simulateV1 with state
 * overrides: nothing is sent to the chain).
 *
 * @param status        {@code traded}, {@code untestable} (no usable pool or DEX: {@code reason} says why) or
 *                      {@code failed} (the node could not run it)
 * @param method        eth_simulateV1 (several blocks: sells after time passes) or eth_call (one block)
 * @param pool          the pool traded through
 * @param buy           the buy (ETH in, tokens expected from the quote, tokens received)
 * @param transfer      a wallet-to-wallet transfer of a tenth of the tokens bought
 * @param sell          a sell of half the balance (the pool's receipt measures the tax, the ETH out the trap)
 * @param secondSell    a second sell in the same block (cooldowns, one sell per block)
 * @param laterSells    sells after time passes, in order ({@code atSecond}: seconds after the first sell)
 * @param sellAll       a sell of the whole balance, a day after the other sells
 * @param partialAfterSellAll a half sell after a refused sell-all (cannot-sell-all tells apart from a sell ban)
 * @param cannotBuy     a pool exists but buys revert (trading not enabled, or a buy ban)
 * @param cannotSell    the buy worked and the sell reverted
 * @param cannotSellAll partial sells work and selling everything reverts
 * @param honeypot      {@code sell_reverts} or {@code sell_returns_nothing} (the sell pays at most
 *                      {@code honeypotReceivedBps} of the quote), null otherwise
 * @param sellWorksFor  privileged wallets (owner, creator) for which the same buy and sell work when they fail for a
 *                      fresh wallet: the honeypot exempts them
 * @param cooldown      set when a second sell reverted at once and a later one worked
 * @param limits        anti-whale limits found by buying increasing amounts
 * @param gas           gas used per step (buy, transfer, sell)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulationReport(
        String status,
        @Nullable String reason,
        String method,
        @Nullable Pool pool,
        @Nullable Step buy,
        @Nullable Step transfer,
        @Nullable Step sell,
        @Nullable Step secondSell,
        List<Step> laterSells,
        @Nullable Step sellAll,
        @Nullable Step partialAfterSellAll,
        boolean cannotBuy,
        boolean cannotSell,
        boolean cannotSellAll,
        @Nullable Tax buyTax,
        @Nullable Tax sellTax,
        @Nullable Tax transferTax,
        @Nullable String honeypot,
        @Nullable Integer honeypotReceivedBps,
        List<String> sellWorksFor,
        @Nullable Cooldown cooldown,
        @Nullable Limits limits,
        @Nullable Gas gas,
        List<Evidence> evidence) {

    /** The pool: {@code path} is the buy path (WETH first). Reserves are raw units before the trade. */
    public record Pool(String router, String pair, String quoteToken, List<String> path, String tokenReserve,
                       String quoteReserve) {
    }

    /**
     * One step. {@code amountIn}/{@code amountOut} in raw units; {@code expectedOut} what the pool's quote promised
     * without any tax; {@code revert} the decoded revert and {@code revertData} its raw bytes; {@code tokenRevert}
     * what the token itself answers when the sold amount is moved to the pool directly.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String name, boolean ok, @Nullable String amountIn, @Nullable String amountOut,
                       @Nullable String expectedOut, @Nullable Long gas, @Nullable Long atSecond,
                       @Nullable String revert, @Nullable String revertData, @Nullable String tokenRevert) {
    }

    /** A measured tax: basis points and percent; {@code measuredOn} says from what. */
    public record Tax(int bps, BigDecimal percent, String measuredOn) {

        public static Tax of(int bps, String measuredOn) {
            return new Tax(bps, TaxMath.percent(bps), measuredOn);
        }
    }

    /** A sell refused right after a sell and accepted later: the wait lies in (moreThanSeconds, seconds]. */
    public record Cooldown(@Nullable Long seconds, @Nullable Long moreThanSeconds, String note) {
    }

    /**
     * Anti-whale limits. {@code status}: {@code found}, {@code none} (none up to {@code searchedUpTo} tokens, half
     * the pool), {@code not-tested} ({@code note} says why).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limits(String status, @Nullable String searchedUpTo, @Nullable Limit maxTx,
                         @Nullable Limit maxWallet, @Nullable String note) {
    }

    /**
     * A limit in raw token units: {@code amount} is the largest accepted (exact when {@code getter} returns it),
     * {@code refusedFrom} the smallest amount refused; {@code bpsOfSupply} of the total supply.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Limit(String amount, @Nullable String refusedFrom, @Nullable Integer bpsOfSupply,
                        @Nullable String getter) {
    }

    public record Gas(@Nullable Long buy, @Nullable Long transfer, @Nullable Long sell) {
    }

    public boolean traded() {
        return "traded".equals(status);
    }

    /** The same report, with the wallets a honeypot exempts. */
    public SimulationReport withSellWorksFor(List<String> wallets) {
        return new SimulationReport(status, reason, method, pool, buy, transfer, sell, secondSell, laterSells, sellAll,
                partialAfterSellAll, cannotBuy, cannotSell, cannotSellAll, buyTax, sellTax, transferTax, honeypot,
                honeypotReceivedBps, List.copyOf(wallets), cooldown, limits, gas, evidence);
    }
}
