package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.events.DataEvents;
import ai.kaizen.common.events.TokenDataUpdated;
import ai.kaizen.common.messaging.Envelopes;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.data.chain.ChainRegistry;
import ai.kaizen.data.chain.ChainsProperties;
import ai.kaizen.data.liquidity.AbiWords;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.rpc.RpcSession;
import ai.kaizen.data.updates.TokenUpdates;
import ai.kaizen.data.updates.UpdatesProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code data.token-updated} events through the facts service on a private devnet, with the real chain schema and
 * its outbox: the first collection of a token publishes {@code first-seen}, a second one with nothing changed
 * publishes nothing, and a real transaction between two collections (the owner mints; the LP holder pulls half the
 * liquidity) publishes exactly one event naming what changed. A database outage leaves the facts whole and says so.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class DevnetDataUpdatesTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static PrivateDevnet devnet;
    private static String network;
    private static JsonRpcClient client;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;
    private static ChainRegistry chains;
    private static FactsCollector collector;
    private static FactsCache cache;
    private static LettuceConnectionFactory deadRedis;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        // A network name of this run only: snapshot and outbox rows of earlier runs never interfere.
        network = "devnet-u" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
        chains = new ChainRegistry(new ChainsProperties(Map.of(network, new ChainsProperties.Chain(null,
                List.of(devnet.url()), devnet.manifestPath().toString(), null, List.of(), null, List.of(), null,
                List.of(), List.of()))), MAPPER);
        DriverManagerDataSource dataSource = TestCollectors.chainSchema();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        client = new JsonRpcClient(RpcProperties.defaults(), MAPPER, new SimpleMeterRegistry());
        collector = TestCollectors.collector(client);
        // No facts cache (Redis on a closed port): every request collects, so every request is compared.
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        deadRedis = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", closed),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(200)).build());
        deadRedis.afterPropertiesSet();
        cache = new FactsCache(new StringRedisTemplate(deadRedis), MAPPER,
                new FactsProperties(Duration.ofSeconds(60), Duration.ofMinutes(10)), Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        if (deadRedis != null) {
            deadRedis.destroy();
        }
        if (devnet != null) {
            devnet.close();
        }
    }

    private static TokenFactsService service(TokenUpdates updates) {
        return new TokenFactsService(chains, collector, cache, updates, Optional.empty());
    }

    private static TokenUpdates updates(JdbcTemplate database, TransactionTemplate transactionTemplate) {
        return new TokenUpdates(database, transactionTemplate, new Outbox(database, Envelopes.standalone("data-service")),
                MAPPER, UpdatesProperties.defaults(), Clock.systemUTC());
    }

    private static JsonNode token(String symbol) {
        return devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals(symbol)).findFirst()
                .orElseThrow();
    }

    /** The outbox events for the token, oldest first. */
    private static List<TokenDataUpdated> events(String address) {
        return jdbc.query("SELECT type, stream, payload::text AS payload FROM outbox_event WHERE event_key = ? "
                + "ORDER BY id", (rs, n) -> {
                    assertThat(rs.getString("type")).isEqualTo("data.token-updated");
                    assertThat(rs.getString("stream")).isEqualTo(DataEvents.STREAM.key());
                    return MAPPER.readValue(rs.getString("payload"), TokenDataUpdated.class);
                }, network + ":" + address);
    }

    private static Coverage updatesCoverage(TokenFacts facts) {
        return facts.coverage().stream().filter(c -> c.check().equals(TokenUpdates.CHECK)).findFirst().orElseThrow();
    }

    /** A real transaction from {@code from} (impersonated), mined at once. */
    private static void send(String from, String to, byte[] data) throws Exception {
        RpcSession session = client.session(network, List.of(devnet.url()));
        session.call("anvil_impersonateAccount", from);
        JsonNode hash = session.call("eth_sendTransaction", Map.of("from", from, "to", to, "gas", "0x7a1200",
                "data", "0x" + java.util.HexFormat.of().formatHex(data)));
        // anvil mines it at once, but may answer the hash before the block is stored: wait for the receipt.
        JsonNode receipt = session.call("eth_getTransactionReceipt", hash.stringValue());
        for (int attempt = 0; attempt < 100 && !receipt.isObject(); attempt++) {
            Thread.sleep(20);
            receipt = session.call("eth_getTransactionReceipt", hash.stringValue());
        }
        assertThat(receipt.path("status").asString("")).as("transaction " + hash + " to " + to + ": " + receipt)
                .isEqualTo("0x1");
        session.call("anvil_stopImpersonatingAccount", from);
    }

    private static BigInteger read(String contract, byte[] data) throws Exception {
        RpcSession session = client.session(network, List.of(devnet.url()));
        JsonNode result = session.call("eth_call", Map.of("to", contract,
                "data", "0x" + java.util.HexFormat.of().formatHex(data)), "latest");
        return new BigInteger(result.stringValue().substring(2), 16);
    }

    @Test
    void aMintBetweenTwoCollectionsPublishesOneEventAndNoChangeNothing() throws Exception {
        TokenFactsService service = service(updates(jdbc, transactions));
        JsonNode gem = token("GEM");
        String address = gem.path("address").stringValue();

        TokenFacts first = service.facts(network, address, "standard").facts();
        assertThat(updatesCoverage(first).status()).isEqualTo("ran");
        assertThat(events(address)).singleElement().satisfies(event -> {
            assertThat(event.changes()).containsExactly("first-seen");
            assertThat(event.network()).isEqualTo(network);
            assertThat(event.contractAddress()).isEqualTo(address);
            assertThat(event.blockNumber()).isEqualTo(first.blockNumber());
        });

        TokenFacts again = service.facts(network, address, "standard").facts();
        assertThat(updatesCoverage(again).reason()).startsWith("no score-relevant change");
        assertThat(events(address)).hasSize(1);

        // The owner mints 1 % of the supply to itself: a supply change, and a new mint_after_launch signal.
        String owner = gem.path("owner").stringValue();
        BigInteger amount = new BigInteger(gem.path("totalSupply").stringValue()).divide(BigInteger.valueOf(100));
        send(owner, address, AbiWords.call("mint(address,uint256)", EvmAddress.parse(owner), amount));

        TokenFacts changed = service.facts(network, address, "standard").facts();
        assertThat(changed.token().totalSupply()).isEqualTo(new BigInteger(gem.path("totalSupply").stringValue())
                .add(amount).toString());
        List<TokenDataUpdated> events = events(address);
        assertThat(events).hasSize(2);
        assertThat(events.getLast().changes()).containsExactly("supply", "signals");
        assertThat(events.getLast().blockNumber()).isEqualTo(changed.blockNumber()).isGreaterThan(first.blockNumber());
        assertThat(updatesCoverage(changed).reason()).contains("supply").contains("signals");

        service.facts(network, address, "standard");
        assertThat(events(address)).hasSize(2);
    }

    @Test
    void pullingHalfTheLiquidityIsALiquidityChange() throws Exception {
        TokenFactsService service = service(updates(jdbc, transactions));
        JsonNode flip = token("QFLIP");
        String address = flip.path("address").stringValue();
        String pair = flip.path("pools").get(0).path("pair").stringValue();
        String holder = flip.path("pools").get(0).path("lp").path("unlockedHolders").get(0).path("address").stringValue();

        TokenFacts before = service.facts(network, address, "standard").facts();
        assertThat(events(address)).singleElement().satisfies(e -> assertThat(e.changes()).containsExactly("first-seen"));

        // The LP holder sends half its LP back to the pair and burns it: reserves (and USD) halve.
        BigInteger lp = read(pair, AbiWords.call("balanceOf(address)", EvmAddress.parse(holder)));
        send(holder, pair, AbiWords.call("transfer(address,uint256)", EvmAddress.parse(pair), lp.divide(BigInteger.TWO)));
        send(holder, pair, AbiWords.call("burn(address)", EvmAddress.parse(holder)));

        TokenFacts after = service.facts(network, address, "standard").facts();
        assertThat(after.liquidity().totalUSD()).isLessThan(before.liquidity().totalUSD()
                .multiply(new java.math.BigDecimal("0.6")));
        List<TokenDataUpdated> events = events(address);
        assertThat(events).hasSize(2);
        assertThat(events.getLast().changes()).containsExactly("liquidity");
    }

    @Test
    void aDatabaseOutageIsACoverageNoteNotAFailedRequest() throws Exception {
        DriverManagerDataSource dead = new DriverManagerDataSource(
                "jdbc:postgresql://127.0.0.1:1/kaizen?connectTimeout=1", "postgres", "");
        JdbcTemplate deadJdbc = new JdbcTemplate(dead);
        TokenFactsService service = service(updates(deadJdbc, new TransactionTemplate(
                new DataSourceTransactionManager(dead))));
        String address = token("WHALE").path("address").stringValue();

        TokenFacts facts = service.facts(network, address, "standard").facts();
        Coverage updates = updatesCoverage(facts);
        assertThat(updates.status()).isEqualTo("failed");
        assertThat(updates.reason()).contains("database");
        assertThat(facts.liquidity()).isNotNull();
        assertThat(facts.distribution()).isNotNull();
        assertThat(facts.complete()).isTrue();
        // While the database is down, later collections do not wait for it again.
        TokenFacts next = service.facts(network, address, "standard").facts();
        assertThat(updatesCoverage(next).reason()).contains("failed recently");
        assertThat(events(address)).isEmpty();
    }
}
