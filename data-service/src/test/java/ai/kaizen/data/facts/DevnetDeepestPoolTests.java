package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.liquidity.AbiWords;
import ai.kaizen.data.liquidity.Liquidity;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.rpc.RpcSession;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One pool discovery for the whole collection, where it matters: a token with a second, thin pool that holds more
 * tokens than its real pool (an off-price stablecoin pool). The probe alone would trade through the pool with the
 * most tokens; the simulation must go through the pool the liquidity section calls deepest (most value), so that
 * the simulated taxes and honeypot verdict describe the pool the price and liquidity come from.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class DevnetDeepestPoolTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static PrivateDevnet devnet;
    private static JsonRpcClient client;
    private static Chain chain;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        chain = devnet.chain("devnet");
        client = new JsonRpcClient(RpcProperties.defaults(), MAPPER, new SimpleMeterRegistry());
    }

    @AfterAll
    static void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static void send(String from, String to, byte[] data) throws Exception {
        RpcSession session = client.session("devnet", List.of(devnet.url()));
        session.call("anvil_impersonateAccount", from);
        JsonNode hash = session.call("eth_sendTransaction", Map.of("from", from, "to", to, "gas", "0x7a1200",
                "data", "0x" + java.util.HexFormat.of().formatHex(data)));
        JsonNode receipt = session.call("eth_getTransactionReceipt", hash.stringValue());
        for (int attempt = 0; attempt < 100 && !receipt.isObject(); attempt++) {
            Thread.sleep(20);
            receipt = session.call("eth_getTransactionReceipt", hash.stringValue());
        }
        assertThat(receipt.path("status").asString("")).as("transaction to " + to + ": " + receipt).isEqualTo("0x1");
        session.call("anvil_stopImpersonatingAccount", from);
    }

    @Test
    void theSimulationTradesThroughTheLiquiditySectionsDeepestPoolNotThePoolWithTheMostTokens() throws Exception {
        JsonNode gem = devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals("GEM")).findFirst()
                .orElseThrow();
        String token = gem.path("address").stringValue();
        String owner = gem.path("owner").stringValue();
        String realPool = gem.path("pools").get(0).path("pair").stringValue();
        String router = devnet.manifest().path("contracts").path("uniswapV2Router02").stringValue();
        String stable = devnet.manifest().path("stablecoin").path("address").stringValue();
        String admin = devnet.manifest().path("accounts").path("admin").stringValue();
        BigInteger tokens = new BigInteger(gem.path("pools").get(0).path("reserves").path("token").stringValue())
                .multiply(BigInteger.TWO);
        BigInteger hundredDollars = BigInteger.valueOf(100_000_000L);
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

        // The owner mints twice the real pool's tokens and pairs them with 100 DUSD: more tokens, far less value.
        send(owner, token, AbiWords.call("mint(address,uint256)", EvmAddress.parse(owner), tokens));
        send(admin, stable, AbiWords.call("transfer(address,uint256)", EvmAddress.parse(owner), hundredDollars));
        send(owner, token, AbiWords.call("approve(address,uint256)", EvmAddress.parse(router), max));
        send(owner, stable, AbiWords.call("approve(address,uint256)", EvmAddress.parse(router), max));
        send(owner, router, AbiWords.call("addLiquidity(address,address,uint256,uint256,uint256,uint256,address,uint256)",
                EvmAddress.parse(token), EvmAddress.parse(stable), tokens, hundredDollars, BigInteger.ZERO,
                BigInteger.ZERO, EvmAddress.parse(owner), BigInteger.valueOf(4_000_000_000L)));

        FactsCollector collector = TestCollectors.collector(client);
        TokenFacts facts = collector.collect(chain, EvmAddress.parse(token), Depth.STANDARD);

        Liquidity liquidity = facts.liquidity();
        assertThat(liquidity.pairs()).hasSize(2);
        Liquidity.Pair thin = liquidity.pairs().stream().filter(p -> !p.pair().equals(realPool)).findFirst()
                .orElseThrow();
        assertThat(new BigInteger(thin.reserves().token())).isGreaterThan(new BigInteger(liquidity.pairs().stream()
                .filter(p -> p.pair().equals(realPool)).findFirst().orElseThrow().reserves().token()));
        assertThat(liquidity.deepestPair()).isEqualTo(realPool);
        assertThat(facts.simulation().status()).isEqualTo("traded");
        assertThat(facts.simulation().pool().pair()).isEqualTo(realPool);
        assertThat(facts.simulation().evidence()).anyMatch(e -> "route".equals(e.input()) && realPool.equals(e.target()));
        assertThat(facts.rpc().sequentialRoundTrips()).isLessThanOrEqualTo(facts.rpc().roundTrips());
    }
}
