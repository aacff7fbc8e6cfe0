package ai.kaizen.data.simulation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.rpc.RpcReply;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static ai.kaizen.data.simulation.ProbeLayout.*;

/**
 * Trade simulation with the probe contract injected at a fresh address: one eth_simulateV1 request buys, transfers,
 * sells and sells again at once (block 1), sells again after 5 s … 1 day (cooldowns), then sells everything (2 days)
 * and half (3 days); one eth_call searches anti-whale limits. Without eth_simulateV1 the first block runs as one
 * eth_call and time-dependent checks say they did not run.
 */
public final class TradeSimulator {

    /** The fresh wallet that trades (it carries the probe code, so msg.sender == tx.origin == it). */
    public static final EvmAddress BUYER = derived("kaizen.probe.buyer");
    /** Receives the wallet-to-wallet transfer. */
    public static final EvmAddress RECIPIENT = derived("kaizen.probe.recipient");
    /** Searches the anti-whale limits. */
    public static final EvmAddress LIMITS_WALLET = derived("kaizen.probe.limits");

    /** Seconds after the first sell at which another sell is tried. */
    static final long[] LATER_SECONDS = {5, 15, 30, 60, 120, 300, 900, 3600, 86400};
    static final long SELL_ALL_AT = 2 * 86400L;
    static final long PARTIAL_AT = 3 * 86400L;
    static final long LATER_SELL_PPM = 125_000;
    /** The buy spends this share (ppm) of the pool's quote reserve: small enough to stay under anti-whale limits. */
    public static final long BUY_PPM = 1_000;
    public static final long STEP_GAS = 3_000_000;
    static final long SEARCH_ITERATIONS = 48;
    /** ETH given to the probing wallets by state override (10^30 wei). */
    public static final String FUNDS = "0x" + BigInteger.TEN.pow(30).toString(16);
    /** A sell that pays at most this share of its quote returns "nothing" (a balance trap), in basis points. */
    static final int RETURNS_NOTHING_BPS = 100;

    private TradeSimulator() {
    }

    static EvmAddress derived(String seed) {
        byte[] hash = EvmAddress.keccak256(seed.getBytes(StandardCharsets.UTF_8));
        return EvmAddress.of(java.util.Arrays.copyOfRange(hash, 12, 32));
    }

    // ---- requests ----

    static List<BigInteger> startConfig() {
        return List.of(BigInteger.valueOf(BUY_PPM), BigInteger.valueOf(STEP_GAS), new BigInteger(1, RECIPIENT.toBytes()));
    }

    /** The whole trade timeline as one eth_simulateV1 request; block times start at {@code nowSeconds}. */
    public static RpcCall simulate(EvmAddress token, ProbeAbi.Routes routes, long nowSeconds) {
        List<Object> blocks = new ArrayList<>();
        Map<String, Object> overrides = Map.of(BUYER.toLowerHex(), Map.of("code", ProbeCode.runtime(), "balance", FUNDS));
        blocks.add(Map.of("blockOverrides", Map.of("time", Hex.quantity(nowSeconds)), "stateOverrides", overrides,
                "calls", List.of(call(BUYER, ProbeAbi.start(token, routes, startConfig()), 8_000_000))));
        for (long later : LATER_SECONDS) {
            blocks.add(sellBlock(nowSeconds + later, LATER_SELL_PPM));
        }
        blocks.add(sellBlock(nowSeconds + SELL_ALL_AT, 1_000_000));
        blocks.add(sellBlock(nowSeconds + PARTIAL_AT, 500_000));
        return RpcCall.of("eth_simulateV1", Map.of("blockStateCalls", blocks, "validation", false), "latest");
    }

    /** The first block only, as an eth_call (for nodes without eth_simulateV1). */
    public static RpcCall startOnly(EvmAddress token, ProbeAbi.Routes routes) {
        return RpcCall.of("eth_call", call(BUYER, ProbeAbi.start(token, routes, startConfig()), 8_000_000), "latest",
                Map.of(BUYER.toLowerHex(), Map.of("code", ProbeCode.runtime(), "balance", FUNDS)));
    }

    /** The anti-whale search (every probing buy reverts; the wallet's own buys stay). */
    public static RpcCall limits(EvmAddress token, ProbeAbi.Routes routes) {
        List<BigInteger> cfg = List.of(BigInteger.valueOf(STEP_GAS), BigInteger.valueOf(SEARCH_ITERATIONS));
        return RpcCall.of("eth_call", call(LIMITS_WALLET, ProbeAbi.limits(token, routes, cfg), 28_000_000), "latest",
                Map.of(LIMITS_WALLET.toLowerHex(), Map.of("code", ProbeCode.runtime(), "balance", FUNDS)));
    }

    /** A start() run by another wallet (an owner or creator) carrying the probe code: does the sell work for it? */
    public static RpcCall startAs(EvmAddress wallet, EvmAddress token, ProbeAbi.Routes routes) {
        return RpcCall.of("eth_call", call(wallet, ProbeAbi.start(token, routes, startConfig()), 8_000_000), "latest",
                Map.of(wallet.toLowerHex(), Map.of("code", ProbeCode.runtime(), "balance", FUNDS)));
    }

    static Map<String, Object> call(EvmAddress wallet, String data, long gas) {
        return Map.of("from", wallet.toLowerHex(), "to", wallet.toLowerHex(), "data", data, "gas", Hex.quantity(gas));
    }

    private static Map<String, Object> sellBlock(long time, long ppm) {
        return Map.of("blockOverrides", Map.of("time", Hex.quantity(time)),
                "calls", List.of(call(BUYER, ProbeAbi.sell(ppm), 1_500_000)));
    }

    // ---- replies ----

    /** The decoded replies of one simulation, before interpretation. */
    public record Raw(String method, ProbeAbi.@Nullable Result start, List<ProbeAbi.Result> sells,
                      ProbeAbi.@Nullable Result limits, @Nullable String failure, @Nullable String limitsFailure) {

        /** The pool traded through, when there was one. */
        public @Nullable EvmAddress pair() {
            return start == null || start.flag(S_STATUS) ? null : start.address(S_PAIR);
        }

        public boolean honeypotSuspected() {
            return start != null && !start.flag(S_STATUS) && start.flag(S_BUY_OK) && !start.flag(S_SELL_OK);
        }
    }

    /** Decodes an eth_simulateV1 reply (or its failure). */
    public static Raw fromSimulate(RpcReply reply, @Nullable RpcReply limits) {
        if (!reply.ok()) {
            return new Raw("eth_simulateV1", null, List.of(), null,
                    "eth_simulateV1 failed: " + reply.error().message(), null);
        }
        JsonNode blocks = reply.result();
        if (blocks == null || !blocks.isArray() || blocks.size() < 1) {
            return new Raw("eth_simulateV1", null, List.of(), null, "eth_simulateV1 reply is malformed", null);
        }
        JsonNode first = blocks.get(0).path("calls").path(0);
        ProbeAbi.Result start = null;
        String failure = null;
        if ("0x1".equals(first.path("status").asString(""))) {
            start = decode(first.path("returnData"), true);
            failure = start == null ? "the probe's result is malformed" : null;
        } else {
            failure = "the probe itself failed: " + first.path("error").path("message").asString("no reason");
        }
        List<ProbeAbi.Result> sells = new ArrayList<>();
        for (int i = 1; i < blocks.size(); i++) {
            JsonNode call = blocks.get(i).path("calls").path(0);
            ProbeAbi.Result sell = "0x1".equals(call.path("status").asString("")) ? decode(call.path("returnData"), true)
                    : null;
            if (sell == null) {
                break;
            }
            sells.add(sell);
        }
        Limits decoded = limits(limits);
        return new Raw("eth_simulateV1", start, sells, decoded.result, failure, decoded.failure);
    }

    /** Decodes the eth_call fallback. */
    public static Raw fromCall(RpcReply reply, @Nullable RpcReply limits) {
        Limits decoded = limits(limits);
        if (!reply.ok()) {
            return new Raw("eth_call", null, List.of(), decoded.result, "eth_call failed: " + reply.error().message(),
                    decoded.failure);
        }
        ProbeAbi.Result start = reply.result() == null ? null : decode(reply.result(), true);
        return new Raw("eth_call", start, List.of(), decoded.result,
                start == null ? "the probe's result is malformed" : null, decoded.failure);
    }

    private record Limits(ProbeAbi.@Nullable Result result, @Nullable String failure) {
    }

    private static Limits limits(@Nullable RpcReply reply) {
        if (reply == null) {
            return new Limits(null, "not run");
        }
        if (!reply.ok()) {
            return new Limits(null, "the limit search failed: " + reply.error().message());
        }
        ProbeAbi.Result result = reply.result() == null ? null : decode(reply.result(), false);
        return new Limits(result, result == null ? "the limit search's result is malformed" : null);
    }

    public static ProbeAbi.@Nullable Result decode(JsonNode hex, boolean withReasons) {
        if (!hex.isString()) {
            return null;
        }
        try {
            byte[] data = Hex.bytes(hex.stringValue());
            return withReasons ? ProbeAbi.decodeWithReasons(data) : ProbeAbi.decodeWords(data);
        } catch (RpcException e) {
            return null;
        }
    }

    // ---- interpretation ----

    /**
     * The report. {@code totalSupply} turns limits into shares of supply; {@code getterValues} are the one-word
     * answers of the token's argument-less functions (selector → value), used to give a limit its exact value;
     * {@code exempt} lists wallets for which the sell that failed for a fresh wallet works.
     */
    public static SimulationReport report(Raw raw, ProbeAbi.Routes routes, EvmAddress token,
                                          @Nullable BigInteger totalSupply, Map<String, BigInteger> getterValues,
                                          List<Evidence> extraEvidence) {
        List<Evidence> evidence = new ArrayList<>(extraEvidence);
        ProbeAbi.Result s = raw.start();
        if (s == null) {
            return failed(raw.method(), raw.failure() == null ? "no result" : raw.failure(), evidence);
        }
        if (s.flag(S_STATUS)) {
            return untestable(raw.method(), "no pool with liquidity pairs the token with the wrapped native coin or a "
                    + "configured stablecoin on " + routes.routers().size() + " configured DEX router(s)", evidence);
        }
        int routeIndex = (int) Math.min(s.longValue(S_ROUTE), Math.max(0, routes.routers().size() - 1));
        EvmAddress router = routes.routers().get(routeIndex);
        EvmAddress pair = s.address(S_PAIR);
        EvmAddress quote = s.address(S_QUOTE);
        List<String> path = new ArrayList<>();
        path.add("WETH");
        if (s.longValue(S_HOPS) > 1 && quote != null) {
            path.add(quote.toChecksum());
        }
        path.add(token.toChecksum());
        SimulationReport.Pool pool = new SimulationReport.Pool(router.toChecksum(),
                pair == null ? "unknown" : pair.toChecksum(), quote == null ? "unknown" : quote.toChecksum(), path,
                s.get(S_TOKEN_RESERVE).toString(), s.get(S_QUOTE_RESERVE).toString());
        evidence.add(new Evidence("simulation", BUYER.toChecksum(), "start() via " + raw.method(),
                "pool " + pool.pair() + ", token reserve " + pool.tokenReserve() + ", quote reserve "
                        + pool.quoteReserve(), "deepest pool among the configured DEX factories"));

        boolean buyOk = s.flag(S_BUY_OK);
        SimulationReport.Step buy = new SimulationReport.Step("buy", buyOk, s.get(S_BUY_ETH).toString(),
                buyOk ? s.get(S_BUY_RECEIVED).toString() : null, buyOk ? s.get(S_BUY_EXPECTED).toString() : null,
                buyOk ? s.longValue(S_BUY_GAS) : null, 0L, revert(s.reason(SR_BUY), buyOk), revertData(s.reason(SR_BUY)),
                null);
        if (!buyOk) {
            evidence.add(new Evidence("simulation", router.toChecksum(),
                    "swapExactETHForTokensSupportingFeeOnTransferTokens", RevertReason.describe(s.reason(SR_BUY)),
                    "a fresh wallet's buy reverted " + s.longValue(S_BUY_ATTEMPTS) + " times (amounts 20x smaller each)"));
            return new SimulationReport("traded", "buys revert: the token cannot be bought", raw.method(), pool, buy,
                    null, null, null, List.of(), null, null, true, false, false, null, null, null, null, null, List.of(), null,
                    limits(raw, totalSupply, getterValues), null, evidence);
        }

        boolean transferOk = s.flag(S_TRANSFER_OK);
        SimulationReport.Step transfer = s.get(S_TRANSFER_AMOUNT).signum() == 0 ? null
                : new SimulationReport.Step("transfer", transferOk, s.get(S_TRANSFER_AMOUNT).toString(),
                transferOk ? s.get(S_TRANSFER_RECEIVED).toString() : null, null,
                transferOk ? s.longValue(S_TRANSFER_GAS) : null, 0L, revert(s.reason(SR_TRANSFER), transferOk),
                revertData(s.reason(SR_TRANSFER)), null);
        boolean sellOk = s.flag(S_SELL_OK);
        SimulationReport.Step sell = new SimulationReport.Step("sell", sellOk, s.get(S_SELL_AMOUNT).toString(),
                sellOk ? s.get(S_SELL_ETH).toString() : null, sellOk ? s.get(S_SELL_EXPECTED_ETH).toString() : null,
                sellOk ? s.longValue(S_SELL_GAS) : null, 0L, revert(s.reason(SR_SELL), sellOk),
                revertData(s.reason(SR_SELL)), sellOk || s.reason(SR_SELL_TOKEN).length == 0 ? null
                : RevertReason.describe(s.reason(SR_SELL_TOKEN)));
        boolean secondOk = s.flag(S_SELL2_OK);
        SimulationReport.Step second = !sellOk ? null : new SimulationReport.Step("second sell", secondOk,
                s.get(S_SELL2_AMOUNT).toString(), secondOk ? s.get(S_SELL2_ETH).toString() : null, null, null, 0L,
                revert(s.reason(SR_SELL2), secondOk), revertData(s.reason(SR_SELL2)), null);

        SimulationReport.Tax buyTax = SimulationReport.Tax.of(
                TaxMath.taxBps(positive(s.get(S_BUY_EXPECTED)), s.get(S_BUY_RECEIVED)),
                "tokens received vs the pool's quote for " + s.get(S_BUY_ETH) + " wei");
        SimulationReport.Tax transferTax = transfer == null || !transferOk ? null : SimulationReport.Tax.of(
                TaxMath.taxBps(positive(s.get(S_TRANSFER_AMOUNT)), s.get(S_TRANSFER_RECEIVED)),
                "tokens the recipient received vs tokens sent");
        SimulationReport.Tax sellTax = null;
        String honeypot = null;
        Integer receivedBps = null;
        if (sellOk) {
            sellTax = SimulationReport.Tax.of(TaxMath.taxBps(positive(s.get(S_SELL_AMOUNT)),
                    s.get(S_SELL_POOL_RECEIVED)), "tokens the pool received vs tokens sold");
            BigInteger expected = s.get(S_SELL_EXPECTED_ETH);
            if (expected.signum() > 0) {
                receivedBps = s.get(S_SELL_ETH).multiply(BigInteger.valueOf(TaxMath.BPS)).divide(expected)
                        .min(BigInteger.valueOf(TaxMath.BPS)).intValue();
                if (receivedBps <= RETURNS_NOTHING_BPS) {
                    honeypot = "sell_returns_nothing";
                }
            }
        } else {
            honeypot = "sell_reverts";
        }
        evidence.add(new Evidence("simulation", pool.pair(), "buy " + s.get(S_BUY_ETH) + " wei",
                "expected " + s.get(S_BUY_EXPECTED) + ", received " + s.get(S_BUY_RECEIVED), "buy tax " + buyTax.bps() + " bps"));
        if (sellOk) {
            evidence.add(new Evidence("simulation", pool.pair(), "sell " + s.get(S_SELL_AMOUNT) + " tokens",
                    "pool received " + s.get(S_SELL_POOL_RECEIVED) + ", ETH out " + s.get(S_SELL_ETH) + " of "
                            + s.get(S_SELL_EXPECTED_ETH) + " quoted", "sell tax " + sellTax.bps() + " bps"));
        } else {
            evidence.add(new Evidence("simulation", router.toChecksum(),
                    "swapExactTokensForETHSupportingFeeOnTransferTokens(" + s.get(S_SELL_AMOUNT) + ")",
                    RevertReason.describe(s.reason(SR_SELL)) + (s.reason(SR_SELL_TOKEN).length == 0 ? ""
                            : "; the token itself: " + RevertReason.describe(s.reason(SR_SELL_TOKEN))),
                    "a fresh wallet's sell right after its buy reverted"));
        }

        // ---- later blocks ----
        List<SimulationReport.Step> later = new ArrayList<>();
        SimulationReport.Step sellAll = null;
        SimulationReport.Step partial = null;
        long origin = s.longValue(S_TIMESTAMP);
        List<ProbeAbi.Result> sells = raw.sells();
        for (int i = 0; i < sells.size(); i++) {
            ProbeAbi.Result p = sells.get(i);
            long at = p.longValue(P_TIMESTAMP) - origin;
            String name = i < LATER_SECONDS.length ? "sell after " + at + " s"
                    : i == LATER_SECONDS.length ? "sell everything" : "sell half after a refused sell-all";
            SimulationReport.Step step = new SimulationReport.Step(name, p.flag(P_OK), p.get(P_AMOUNT).toString(),
                    p.flag(P_OK) ? p.get(P_ETH).toString() : null, p.flag(P_OK) ? p.get(P_EXPECTED_ETH).toString() : null,
                    p.flag(P_OK) ? p.longValue(P_GAS) : null, at, revert(p.reason(0), p.flag(P_OK)),
                    revertData(p.reason(0)), null);
            if (i < LATER_SECONDS.length) {
                later.add(step);
            } else if (i == LATER_SECONDS.length) {
                sellAll = step;
            } else if (sellAll != null && !sellAll.ok()) {
                // Only meaningful after a refused sell-all; otherwise the wallet is empty by then.
                partial = step;
            }
        }
        SimulationReport.Cooldown cooldown = null;
        if (sellOk && !secondOk) {
            Long lastRefused = 0L;
            Long firstAccepted = null;
            for (SimulationReport.Step step : later) {
                if (step.ok()) {
                    firstAccepted = step.atSecond();
                    break;
                }
                lastRefused = step.atSecond();
            }
            if (raw.sells().isEmpty()) {
                cooldown = new SimulationReport.Cooldown(null, null, "a second sell right after the first reverted ("
                        + RevertReason.describe(s.reason(SR_SELL2)) + "); sells after time passes were not tried: the"
                        + " node has no eth_simulateV1");
            } else if (firstAccepted != null) {
                cooldown = new SimulationReport.Cooldown(firstAccepted, lastRefused, "a second sell right after the "
                        + "first reverted (" + RevertReason.describe(s.reason(SR_SELL2)) + "); a sell " + firstAccepted
                        + " s after the first worked");
            } else {
                cooldown = new SimulationReport.Cooldown(null, lastRefused, "a second sell right after the first "
                        + "reverted and no sell worked within a day after it");
            }
            evidence.add(new Evidence("simulation", router.toChecksum(), "second sell in the same block",
                    RevertReason.describe(s.reason(SR_SELL2)), cooldown.note()));
        }
        boolean cannotSellAll = sellOk && sellAll != null && !sellAll.ok() && partial != null && partial.ok();
        if (cannotSellAll) {
            evidence.add(new Evidence("simulation", router.toChecksum(), "sell the whole balance",
                    sellAll.revert(), "selling everything reverts while selling half works"));
        }
        SimulationReport.Gas gas = new SimulationReport.Gas(buy.gas(), transfer == null ? null : transfer.gas(),
                sell.gas());
        return new SimulationReport("traded", null, raw.method(), pool, buy, transfer, sell, second, later, sellAll,
                partial, false, !sellOk, cannotSellAll, buyTax, sellTax, transferTax, honeypot,
                "sell_returns_nothing".equals(honeypot) ? receivedBps : null, List.of(), cooldown,
                limits(raw, totalSupply, getterValues), gas, evidence);
    }

    static SimulationReport.@Nullable Limits limits(Raw raw, @Nullable BigInteger totalSupply,
                                                    Map<String, BigInteger> getters) {
        ProbeAbi.Result l = raw.limits();
        if (l == null) {
            return new SimulationReport.Limits("not-tested", null, null, null, raw.limitsFailure());
        }
        long status = l.longValue(L_STATUS);
        String upper = l.get(L_UPPER).toString();
        if (status == 1) {
            return new SimulationReport.Limits("not-tested", null, null, null, "no usable pool");
        }
        if (status == 2) {
            return new SimulationReport.Limits("none", upper, null, null, "a single buy of half the pool's tokens works");
        }
        if (status == 3) {
            return new SimulationReport.Limits("not-tested", upper, null, null, "even small buys revert");
        }
        if (status == 4) {
            return new SimulationReport.Limits("not-tested", upper, null, null, "the search ran out of gas");
        }
        BigInteger single = l.get(L_SINGLE_OK);
        BigInteger singleFail = l.get(L_SINGLE_FAIL);
        SimulationReport.Limit maxWallet = null;
        BigInteger walletMax = null;
        long walletStatus = l.longValue(L_WALLET_STATUS);
        if (walletStatus == 0) {
            walletMax = l.get(L_WALLET_HELD).add(l.get(L_WALLET_EXTRA_OK));
            BigInteger walletFail = l.get(L_WALLET_HELD).add(l.get(L_WALLET_EXTRA_FAIL));
            maxWallet = limit(walletMax, walletFail, totalSupply, getters);
        }
        SimulationReport.Limit maxTx = null;
        // The single-buy ceiling is a per-transaction limit unless the wallet cap explains it.
        boolean explainedByWallet = walletMax != null
                && walletMax.compareTo(single.add(single.shiftRight(20))) <= 0;
        if (!explainedByWallet) {
            maxTx = limit(single, singleFail, totalSupply, getters);
        }
        return new SimulationReport.Limits("found", upper, maxTx, maxWallet, walletStatus == 1
                ? l.longValue(L_BUYS) + " buys of the largest single amount did not reach a wallet limit" : null);
    }

    /** A limit, snapped to the exact value of a getter that answers a number inside the measured bracket. */
    static SimulationReport.Limit limit(BigInteger accepted, BigInteger refused, @Nullable BigInteger totalSupply,
                                        Map<String, BigInteger> getters) {
        BigInteger amount = accepted;
        String getter = null;
        for (Map.Entry<String, BigInteger> entry : new LinkedHashMap<>(getters).entrySet()) {
            BigInteger value = entry.getValue();
            if (value.compareTo(accepted) >= 0 && value.compareTo(refused) < 0) {
                amount = value;
                getter = entry.getKey();
                break;
            }
        }
        Integer bps = totalSupply == null || totalSupply.signum() <= 0 ? null
                : new java.math.BigDecimal(amount.multiply(BigInteger.valueOf(TaxMath.BPS)))
                .divide(new java.math.BigDecimal(totalSupply), 0, java.math.RoundingMode.HALF_UP).intValue();
        return new SimulationReport.Limit(amount.toString(), refused.signum() == 0 ? null : refused.toString(), bps,
                getter);
    }

    public static SimulationReport untestable(String method, String reason, List<Evidence> evidence) {
        return new SimulationReport("untestable", reason, method, null, null, null, null, null, List.of(), null, null,
                false, false, false, null, null, null, null, null, List.of(), null, null, null, evidence);
    }

    public static SimulationReport failed(String method, String reason, List<Evidence> evidence) {
        return new SimulationReport("failed", reason, method, null, null, null, null, null, List.of(), null, null,
                false, false, false, null, null, null, null, null, List.of(), null, null, null, evidence);
    }

    private static @Nullable String revert(byte[] data, boolean ok) {
        return ok ? null : RevertReason.describe(data);
    }

    private static @Nullable String revertData(byte[] data) {
        return data.length == 0 ? null : RevertReason.hex(data);
    }

    private static BigInteger positive(BigInteger value) {
        return value.signum() > 0 ? value : BigInteger.ONE;
    }
}
