package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.simulation.ProbeAbi;
import ai.kaizen.data.simulation.ProbeCode;
import ai.kaizen.data.simulation.RevertReason;
import ai.kaizen.data.simulation.TaxMath;
import ai.kaizen.data.simulation.TradeSimulator;
import org.jspecify.annotations.Nullable;

import static ai.kaizen.data.simulation.ProbeLayout.*;

/**
 * One check of the world (before a probe, or after it through its state diff as overrides), run by the probe code
 * at the victim: supply, balances, owner(), whether calls forward to a contract we named, the victim's transfer and
 * sell, the other wallet's transfer, and a fresh buyer's buy, transfer and sell.
 */
record Check(ProbeAbi.Result raw) {

    static final long CHECK_GAS = 12_000_000;
    /** The check plus at most 50 settings of 300,000 gas each (the probe's RELAY_GAS). */
    static final long LADDER_GAS = CHECK_GAS + 15_000_000;

    static RpcCall call(EvmAddress token, ProbeAbi.Routes routes, EvmAddress caller, boolean fundByBuying,
                        Map<String, Object> overrides) {
        return RpcCall.of("eth_call", Map.of("from", ProbeWallets.VICTIM.toLowerHex(), "to",
                ProbeWallets.VICTIM.toLowerHex(), "data", checkData(token, routes, caller, fundByBuying), "gas",
                Hex.quantity(CHECK_GAS)), "latest", overrides);
    }

    /**
     * A tax setter's ladder in one call: the caller (given the probe's code for it) sends each setting in turn,
     * then the check runs in the world the last accepted one left; decoded by {@link ProbeAbi#decodeLadder}.
     */
    static RpcCall ladder(EvmAddress token, ProbeAbi.Routes routes, EvmAddress caller, boolean fundByBuying,
                          Map<String, Object> overrides, List<String> settings) {
        Map<String, Object> world = new java.util.LinkedHashMap<>(overrides);
        Map<String, Object> account = new java.util.LinkedHashMap<>();
        if (world.get(caller.toLowerHex()) instanceof Map<?, ?> existing) {
            existing.forEach((key, value) -> account.put(String.valueOf(key), value));
        }
        account.put("code", ProbeWallets.minimalProxy());
        world.put(caller.toLowerHex(), account);
        String data = ProbeAbi.ladder(caller, token, settings, checkData(token, routes, caller, fundByBuying));
        return RpcCall.of("eth_call", Map.of("from", ProbeWallets.VICTIM.toLowerHex(), "to",
                ProbeWallets.VICTIM.toLowerHex(), "data", data, "gas", Hex.quantity(LADDER_GAS)), "latest", world);
    }

    private static String checkData(EvmAddress token, ProbeAbi.Routes routes, EvmAddress caller,
                                    boolean fundByBuying) {
        List<BigInteger> cfg = List.of(word(ProbeWallets.OTHER), word(ProbeWallets.BUYER), word(caller),
                word(ProbeWallets.RECIPIENT), word(ProbeWallets.SECOND_RECIPIENT),
                BigInteger.valueOf(TradeSimulator.BUY_PPM), BigInteger.valueOf(TradeSimulator.STEP_GAS),
                fundByBuying ? BigInteger.ONE : BigInteger.ZERO);
        return ProbeAbi.check(token, routes, cfg);
    }

    /** Overrides every check starts from: the probe code, our wallets delegating to it, the victims funded. */
    static Map<String, Object> checkOverrides(EvmAddress token, BalanceSlots.@Nullable Slot slot, BigInteger fund) {
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        Map<String, Object> code = new java.util.LinkedHashMap<>();
        code.put("code", ProbeCode.runtime());
        overrides.put(ProbeWallets.CODE.toLowerHex(), code);
        for (EvmAddress wallet : List.of(ProbeWallets.VICTIM, ProbeWallets.OTHER, ProbeWallets.BUYER)) {
            Map<String, Object> account = new java.util.LinkedHashMap<>();
            account.put("code", ProbeWallets.minimalProxy());
            account.put("balance", TradeSimulator.FUNDS);
            overrides.put(wallet.toLowerHex(), account);
        }
        overrides.putAll(traceOverrides(token, slot, fund));
        return overrides;
    }

    /** Overrides the probes run in: only the victims' balances (probes need no code of ours). */
    static Map<String, Object> traceOverrides(EvmAddress token, BalanceSlots.@Nullable Slot slot, BigInteger fund) {
        Map<String, Object> overrides = new java.util.LinkedHashMap<>();
        if (slot != null) {
            Map<String, Object> storage = new java.util.LinkedHashMap<>();
            storage.put(slot.keyFor(ProbeWallets.VICTIM), BalanceSlots.word(fund));
            storage.put(slot.keyFor(ProbeWallets.OTHER), BalanceSlots.word(fund));
            Map<String, Object> account = new java.util.LinkedHashMap<>();
            account.put("stateDiff", storage);
            overrides.put(token.toLowerHex(), account);
        }
        return overrides;
    }

    private static BigInteger word(EvmAddress address) {
        return new BigInteger(1, address.toBytes());
    }

    boolean supplyOk() {
        return raw.flag(C_SUPPLY_OK);
    }

    BigInteger supply() {
        return raw.get(C_SUPPLY);
    }

    BigInteger victimBalance() {
        return raw.get(C_BAL_V);
    }

    BigInteger otherBalance() {
        return raw.get(C_BAL_O);
    }

    BigInteger callerBalance() {
        return raw.get(C_BAL_CALLER);
    }

    boolean ownerReadable() {
        return raw.flag(C_OWNER_OK) && raw.get(C_OWNER).bitLength() <= 160;
    }

    /** owner() as an address (ZERO for the zero address), null when unreadable. */
    @Nullable EvmAddress owner() {
        if (!ownerReadable()) {
            return null;
        }
        EvmAddress owner = raw.address(C_OWNER);
        return owner == null ? EvmAddress.ZERO : owner;
    }

    boolean forwarded() {
        return raw.flag(C_FORWARDED);
    }

    boolean fundedByBuying() {
        return raw.flag(C_FUNDED_BY_BUY);
    }

    boolean victimTransferOk() {
        return raw.flag(C_V_TRANSFER_OK);
    }

    String victimTransferRevert() {
        return RevertReason.describe(raw.reason(CR_V_TRANSFER));
    }

    boolean otherTransferOk() {
        return raw.flag(C_O_TRANSFER_OK);
    }

    String otherTransferRevert() {
        return RevertReason.describe(raw.reason(CR_O_TRANSFER));
    }

    boolean victimSellOk() {
        return raw.longValue(C_V_SELL_OK) == 1;
    }

    @Nullable Integer victimSellTaxBps() {
        BigInteger amount = raw.get(C_V_SELL_AMOUNT);
        return victimSellOk() && amount.signum() > 0 ? TaxMath.taxBps(amount, raw.get(C_V_SELL_POOL_RECEIVED)) : null;
    }

    @Nullable Integer victimTransferTaxBps() {
        BigInteger amount = raw.get(C_V_TRANSFER_AMOUNT);
        return victimTransferOk() && amount.signum() > 0
                ? TaxMath.taxBps(amount, raw.get(C_V_TRANSFER_RECEIVED)) : null;
    }

    /** The fresh buyer's trade: a start() result. */
    ProbeAbi.Result trade() {
        return raw.slice(C_TRADE, CR_TRADE);
    }

    boolean poolFound() {
        return trade().longValue(S_STATUS) == 0;
    }

    boolean buyOk() {
        return poolFound() && trade().flag(S_BUY_OK);
    }

    boolean sellOk() {
        return buyOk() && trade().flag(S_SELL_OK);
    }

    @Nullable Integer buyTaxBps() {
        ProbeAbi.Result t = trade();
        return buyOk() && t.get(S_BUY_EXPECTED).signum() > 0
                ? TaxMath.taxBps(t.get(S_BUY_EXPECTED), t.get(S_BUY_RECEIVED)) : null;
    }

    @Nullable Integer sellTaxBps() {
        ProbeAbi.Result t = trade();
        return sellOk() && t.get(S_SELL_AMOUNT).signum() > 0
                ? TaxMath.taxBps(t.get(S_SELL_AMOUNT), t.get(S_SELL_POOL_RECEIVED)) : null;
    }

    @Nullable Integer transferTaxBps() {
        ProbeAbi.Result t = trade();
        return buyOk() && t.flag(S_TRANSFER_OK) && t.get(S_TRANSFER_AMOUNT).signum() > 0
                ? TaxMath.taxBps(t.get(S_TRANSFER_AMOUNT), t.get(S_TRANSFER_RECEIVED)) : null;
    }

    String buyRevert() {
        return RevertReason.describe(trade().reason(SR_BUY));
    }

    /** A one-line summary, as evidence output. */
    String summary() {
        return "totalSupply " + (supplyOk() ? supply() : "unreadable") + ", victim balance " + victimBalance()
                + ", victim transfer " + (victimTransferOk() ? "ok" : "reverted") + ", other wallet transfer "
                + (otherTransferOk() ? "ok" : "reverted") + ", fresh buy " + (buyOk() ? "ok" : "reverted")
                + ", fresh sell " + (sellOk() ? "ok" : "reverted") + ", taxes buy/sell/transfer "
                + buyTaxBps() + "/" + sellTaxBps() + "/" + transferTaxBps() + " bps"
                + (ownerReadable() ? ", owner() " + owner() : "");
    }
}
