package ai.kaizen.data.simulation;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcReply;
import org.junit.jupiter.api.Test;

import static ai.kaizen.data.simulation.ProbeLayout.*;
import static org.assertj.core.api.Assertions.assertThat;

class TradeSimulatorTests {

    private static final EvmAddress TOKEN = EvmAddress.parse("0x2222222222222222222222222222222222222222");
    private static final EvmAddress PAIR = EvmAddress.parse("0x5555555555555555555555555555555555555555");
    private static final ProbeAbi.Routes ROUTES = new ProbeAbi.Routes(
            List.of(EvmAddress.parse("0x3333333333333333333333333333333333333333")),
            List.of(EvmAddress.parse("0x4444444444444444444444444444444444444444")), List.of());
    private static final BigInteger SUPPLY = new BigInteger("1000000000000000000000000000");

    /** A start() result of a trade that worked: 3 % buy tax, 25 % sell tax, no transfer tax. */
    static List<BigInteger> traded() {
        List<BigInteger> out = new ArrayList<>(Collections.nCopies(S_LENGTH, BigInteger.ZERO));
        set(out, S_PAIR, new BigInteger(1, PAIR.toBytes()));
        set(out, S_HOPS, 1);
        set(out, S_TOKEN_RESERVE, 1_000_000_000);
        set(out, S_QUOTE_RESERVE, 1_000_000);
        set(out, S_BUY_OK, 1);
        set(out, S_BUY_ETH, 1_000);
        set(out, S_BUY_EXPECTED, 1_000_000);
        set(out, S_BUY_RECEIVED, 970_000);
        set(out, S_BUY_GAS, 120_000);
        set(out, S_TRANSFER_OK, 1);
        set(out, S_TRANSFER_AMOUNT, 97_000);
        set(out, S_TRANSFER_RECEIVED, 97_000);
        set(out, S_SELL_OK, 1);
        set(out, S_SELL_AMOUNT, 400_000);
        set(out, S_SELL_POOL_RECEIVED, 300_000);
        set(out, S_SELL_ETH, 300);
        set(out, S_SELL_EXPECTED_ETH, 400);
        set(out, S_SELL2_OK, 1);
        set(out, S_TIMESTAMP, 1_000);
        return out;
    }

    static void set(List<BigInteger> out, int index, long value) {
        out.set(index, BigInteger.valueOf(value));
    }

    static void set(List<BigInteger> out, int index, BigInteger value) {
        out.set(index, value);
    }

    static List<byte[]> reasons(int index, String message) {
        List<byte[]> reasons = new ArrayList<>(Collections.nCopies(SR_LENGTH, new byte[0]));
        reasons.set(index, errorString(message));
        return reasons;
    }

    static byte[] errorString(String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] data = new byte[4 + 64 + (text.length + 31) / 32 * 32];
        data[0] = 0x08;
        data[1] = (byte) 0xc3;
        data[2] = 0x79;
        data[3] = (byte) 0xa0;
        data[4 + 31] = 0x20;
        data[4 + 63] = (byte) text.length;
        System.arraycopy(text, 0, data, 68, text.length);
        return data;
    }

    static ProbeAbi.Result sell(long at, boolean ok) {
        List<BigInteger> out = new ArrayList<>(Collections.nCopies(P_LENGTH, BigInteger.ZERO));
        set(out, P_OK, ok ? 1 : 0);
        set(out, P_AMOUNT, 1_000);
        set(out, P_TIMESTAMP, 1_000 + at);
        return new ProbeAbi.Result(out, List.of(ok ? new byte[0] : errorString("cooldown"), new byte[0]));
    }

    static SimulationReport report(List<BigInteger> start, List<byte[]> reasons, List<ProbeAbi.Result> sells,
                                   ProbeAbi.Result limits, Map<String, BigInteger> getters) {
        TradeSimulator.Raw raw = new TradeSimulator.Raw("eth_simulateV1", new ProbeAbi.Result(start, reasons), sells,
                limits, null, null);
        return TradeSimulator.report(raw, ROUTES, TOKEN, SUPPLY, getters, List.of());
    }

    @Test
    void taxesAreMeasuredFromWhatArrived() {
        SimulationReport report = report(traded(), reasons(0, ""), List.of(), null, Map.of());
        assertThat(report.status()).isEqualTo("traded");
        assertThat(report.buyTax().bps()).isEqualTo(300);
        assertThat(report.sellTax().bps()).isEqualTo(2500);
        assertThat(report.transferTax().bps()).isZero();
        assertThat(report.honeypot()).isNull();
        assertThat(report.cannotSell()).isFalse();
        assertThat(report.pool().pair()).isEqualTo(PAIR.toChecksum());
        assertThat(report.gas().buy()).isEqualTo(120_000);
        assertThat(report.limits().status()).isEqualTo("not-tested");
    }

    @Test
    void aRevertingSellIsAHoneypotWithItsReason() {
        List<BigInteger> start = traded();
        set(start, S_SELL_OK, 0);
        set(start, S_SELL2_OK, 0);
        SimulationReport report = report(start, reasons(SR_SELL, "TransferHelper: TRANSFER_FROM_FAILED"),
                List.of(), null, Map.of());
        assertThat(report.honeypot()).isEqualTo("sell_reverts");
        assertThat(report.cannotSell()).isTrue();
        assertThat(report.sellTax()).isNull();
        assertThat(report.sell().revert()).isEqualTo("reverted: TransferHelper: TRANSFER_FROM_FAILED");
        assertThat(report.cooldown()).isNull();
    }

    @Test
    void aSellThatPaysAlmostNothingIsABalanceTrap() {
        List<BigInteger> start = traded();
        set(start, S_SELL_ETH, 1);
        set(start, S_SELL_EXPECTED_ETH, 10_000);
        SimulationReport report = report(start, reasons(0, ""), List.of(), null, Map.of());
        assertThat(report.honeypot()).isEqualTo("sell_returns_nothing");
        assertThat(report.honeypotReceivedBps()).isEqualTo(1);
    }

    @Test
    void aHighTaxIsNotATrap() {
        List<BigInteger> start = traded();
        set(start, S_SELL_POOL_RECEIVED, 40_000);
        set(start, S_SELL_ETH, 40);
        SimulationReport report = report(start, reasons(0, ""), List.of(), null, Map.of());
        assertThat(report.honeypot()).isNull();
        assertThat(report.sellTax().bps()).isEqualTo(9000);
    }

    @Test
    void aRefusedSecondSellThatWorksLaterIsACooldown() {
        List<BigInteger> start = traded();
        set(start, S_SELL2_OK, 0);
        List<ProbeAbi.Result> sells = List.of(sell(5, false), sell(15, false), sell(30, false), sell(60, true),
                sell(120, true), sell(300, true), sell(900, true), sell(3600, true), sell(86400, true),
                sell(2 * 86400, true), sell(3 * 86400, true));
        SimulationReport report = report(start, reasons(SR_SELL2, "SCAT: sell cooldown"), sells, null, Map.of());
        assertThat(report.cooldown()).isNotNull();
        assertThat(report.cooldown().seconds()).isEqualTo(60);
        assertThat(report.cooldown().moreThanSeconds()).isEqualTo(30);
        assertThat(report.laterSells()).hasSize(9);
        assertThat(report.cannotSellAll()).isFalse();
        assertThat(report.honeypot()).isNull();
    }

    @Test
    void sellingEverythingRefusedWhileHalfWorksIsCannotSellAll() {
        List<ProbeAbi.Result> sells = new ArrayList<>();
        for (long at : TradeSimulator.LATER_SECONDS) {
            sells.add(sell(at, true));
        }
        sells.add(sell(2 * 86400, false));
        sells.add(sell(3 * 86400, true));
        SimulationReport report = report(traded(), reasons(0, ""), sells, null, Map.of());
        assertThat(report.cannotSellAll()).isTrue();
        assertThat(report.sellAll().ok()).isFalse();
        assertThat(report.partialAfterSellAll().ok()).isTrue();
    }

    @Test
    void aRevertingBuyIsCannotBuyNotAHoneypot() {
        List<BigInteger> start = traded();
        set(start, S_BUY_OK, 0);
        set(start, S_BUY_ATTEMPTS, 3);
        SimulationReport report = report(start, reasons(SR_BUY, "Trading is not active."), List.of(), null, Map.of());
        assertThat(report.cannotBuy()).isTrue();
        assertThat(report.cannotSell()).isFalse();
        assertThat(report.honeypot()).isNull();
        assertThat(report.buy().revert()).isEqualTo("reverted: Trading is not active.");
    }

    @Test
    void noPoolIsUntestable() {
        List<BigInteger> start = new ArrayList<>(Collections.nCopies(S_LENGTH, BigInteger.ZERO));
        set(start, S_STATUS, 1);
        SimulationReport report = report(start, reasons(0, ""), List.of(), null, Map.of());
        assertThat(report.status()).isEqualTo("untestable");
        assertThat(report.reason()).contains("no pool");
    }

    @Test
    void limitsAreSnappedToTheGetterThatHoldsThem() {
        List<BigInteger> words = new ArrayList<>(Collections.nCopies(L_LENGTH, BigInteger.ZERO));
        BigInteger maxTx = new BigInteger("10000000000000000000000000");
        set(words, L_UPPER, maxTx.multiply(BigInteger.TEN));
        set(words, L_SINGLE_OK, maxTx.subtract(BigInteger.valueOf(123_456)));
        set(words, L_SINGLE_FAIL, maxTx.add(BigInteger.valueOf(7)));
        set(words, L_WALLET_HELD, maxTx.multiply(BigInteger.TWO).subtract(BigInteger.valueOf(999)));
        set(words, L_WALLET_EXTRA_OK, 500);
        set(words, L_WALLET_EXTRA_FAIL, 1_500);
        set(words, L_BUYS, 2);
        ProbeAbi.Result limits = new ProbeAbi.Result(words, List.of());
        SimulationReport report = report(traded(), reasons(0, ""), List.of(), limits,
                Map.of("0x7d1db4a5", maxTx, "0x8f9a55c0", maxTx.multiply(BigInteger.TWO)));
        assertThat(report.limits().status()).isEqualTo("found");
        assertThat(report.limits().maxTx().amount()).isEqualTo(maxTx.toString());
        assertThat(report.limits().maxTx().getter()).isEqualTo("0x7d1db4a5");
        assertThat(report.limits().maxTx().bpsOfSupply()).isEqualTo(100);
        assertThat(report.limits().maxWallet().amount()).isEqualTo(maxTx.multiply(BigInteger.TWO).toString());
        assertThat(report.limits().maxWallet().bpsOfSupply()).isEqualTo(200);
    }

    @Test
    void aWalletCapEqualToTheLargestBuyIsNoTransactionLimit() {
        List<BigInteger> words = new ArrayList<>(Collections.nCopies(L_LENGTH, BigInteger.ZERO));
        BigInteger cap = new BigInteger("5000000000000000000000000");
        set(words, L_SINGLE_OK, cap);
        set(words, L_SINGLE_FAIL, cap.add(BigInteger.ONE));
        set(words, L_WALLET_HELD, cap);
        set(words, L_WALLET_EXTRA_FAIL, 1);
        set(words, L_BUYS, 1);
        SimulationReport report = report(traded(), reasons(0, ""), List.of(), new ProbeAbi.Result(words, List.of()),
                Map.of());
        assertThat(report.limits().maxTx()).isNull();
        assertThat(report.limits().maxWallet().amount()).isEqualTo(cap.toString());
    }

    @Test
    void noLimitUpToHalfThePool() {
        List<BigInteger> words = new ArrayList<>(Collections.nCopies(L_LENGTH, BigInteger.ZERO));
        set(words, L_STATUS, 2);
        set(words, L_UPPER, 500);
        SimulationReport report = report(traded(), reasons(0, ""), List.of(), new ProbeAbi.Result(words, List.of()),
                Map.of());
        assertThat(report.limits().status()).isEqualTo("none");
        assertThat(report.limits().maxTx()).isNull();
    }

    @Test
    void withoutSimulateTheFirstBlockRunsAsOneCall() {
        RpcCall simulate = TradeSimulator.simulate(TOKEN, ROUTES, 1_700_000_000L);
        assertThat(simulate.method()).isEqualTo("eth_simulateV1");
        @SuppressWarnings("unchecked")
        List<Object> blocks = (List<Object>) ((Map<String, Object>) simulate.params().getFirst()).get("blockStateCalls");
        assertThat(blocks).hasSize(1 + TradeSimulator.LATER_SECONDS.length + 2);

        TradeSimulator.Raw failed = TradeSimulator.fromSimulate(
                new RpcReply(null, new RpcError(-32601, "Method not found", null)), null);
        assertThat(failed.start()).isNull();
        assertThat(failed.failure()).contains("Method not found");
        SimulationReport report = TradeSimulator.report(
                new TradeSimulator.Raw("eth_call", new ProbeAbi.Result(traded(), reasons(SR_SELL2, "cooldown")),
                        List.of(), null, null, "not run"), ROUTES, TOKEN, SUPPLY, Map.of(), List.of());
        assertThat(report.method()).isEqualTo("eth_call");
        assertThat(report.laterSells()).isEmpty();
    }
}
