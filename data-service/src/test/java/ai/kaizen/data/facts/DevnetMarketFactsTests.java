package ai.kaizen.data.facts;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.holders.Distribution;
import ai.kaizen.data.holders.HoldersProperties;
import ai.kaizen.data.liquidity.Liquidity;
import ai.kaizen.data.market.MarketCollector;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.data.timeseries.TimeSeriesProperties;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Standard-depth facts of every zoo token on a private devnet, checked against the devnet's manifest (which reads
 * every figure back from the chain): liquidity in USD within 1 %, LP burned/locked/unlocked shares, locks and unlock
 * times, holder count, top-10 and creator shares, the lp_*, concentrated_holders, mint_after_launch and
 * siphoned_holder signals exactly where the manifest has them (with the same parameters); and the time series rows,
 * appended once.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class DevnetMarketFactsTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static PrivateDevnet devnet;
    private static Chain chain;
    private static FactsCollector collector;
    private static JdbcTemplate jdbc;
    static JsonRpcClient client;
    private static final Map<String, TokenFacts> FACTS = new java.util.concurrent.ConcurrentHashMap<>();

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        // A network name of this run only, so rows from earlier runs in the shared test database never interfere.
        chain = devnet.chain("devnet-t" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        DriverManagerDataSource dataSource = TestCollectors.chainSchema();
        jdbc = new JdbcTemplate(dataSource);
        client = new JsonRpcClient(RpcProperties.defaults(), MAPPER, new SimpleMeterRegistry());
        TimeSeriesWriter writer = new TimeSeriesWriter(jdbc, new TransactionTemplate(
                new DataSourceTransactionManager(dataSource)), MAPPER, new TimeSeriesProperties(true,
                Duration.ofSeconds(30), Duration.ofSeconds(30), 50_000), Clock.systemUTC());
        collector = collector(writer);
    }

    static FactsCollector collector(TimeSeriesWriter writer) {
        return TestCollectors.collector(client, writer, null);
    }

    @AfterAll
    static void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    private static TokenFacts facts(JsonNode token) throws Exception {
        String address = token.path("address").stringValue();
        TokenFacts facts = FACTS.get(address);
        if (facts == null) {
            facts = collector.collect(chain, EvmAddress.parse(address), Depth.STANDARD);
            FACTS.put(address, facts);
        }
        return facts;
    }

    private static int bps(BigDecimal percent) {
        return percent.movePointRight(2).intValueExact();
    }

    @Test
    void liquidityMatchesTheManifestForEveryZooToken() throws Exception {
        for (JsonNode token : devnet.tokens()) {
            TokenFacts facts = facts(token);
            String symbol = token.path("symbol").stringValue();
            JsonNode pool = token.path("pools").get(0);
            Liquidity liquidity = facts.liquidity();
            assertThat(liquidity).as(symbol).isNotNull();
            assertSoftly(soft -> {
                soft.assertThat(coverage(facts, "liquidity").status()).as(symbol).isEqualTo("ran");
                soft.assertThat(liquidity.deepestPair()).as(symbol + " deepest pair")
                        .isEqualTo(pool.path("pair").stringValue());
                // One pool discovery: the trade simulation went through the liquidity section's deepest pool.
                soft.assertThat(facts.simulation()).as(symbol + " simulation").isNotNull();
                if (facts.simulation() != null && facts.simulation().pool() != null) {
                    soft.assertThat(facts.simulation().pool().pair()).as(symbol + " simulated pool")
                            .isEqualTo(liquidity.deepestPair());
                    soft.assertThat(facts.simulation().evidence()).as(symbol + " simulation route evidence")
                            .anyMatch(e -> "route".equals(e.input()) && liquidity.deepestPair().equals(e.target()));
                }
                Liquidity.Pair pair = liquidity.pairs().stream()
                        .filter(p -> p.pair().equals(pool.path("pair").stringValue())).findFirst().orElseThrow();
                soft.assertThat(pair.reserves().token()).as(symbol).isEqualTo(pool.path("reserves").path("token").stringValue());
                soft.assertThat(pair.reserves().quote()).as(symbol).isEqualTo(pool.path("reserves").path("quote").stringValue());
                BigDecimal expectedUsd = BigDecimal.valueOf(pool.path("liquidityUsd").asDouble());
                soft.assertThat(liquidity.totalUSD()).as(symbol + " totalUSD").isNotNull();
                soft.assertThat(liquidity.totalUSD().subtract(expectedUsd).abs())
                        .as(symbol + " totalUSD " + liquidity.totalUSD() + " vs manifest " + expectedUsd)
                        .isLessThanOrEqualTo(expectedUsd.multiply(new BigDecimal("0.01")));
                soft.assertThat(liquidity.nativeUsd()).as(symbol + " ETH price")
                        .isEqualByComparingTo(BigDecimal.valueOf(devnet.manifest().path("ethPriceUsd").asDouble()));

                JsonNode lp = pool.path("lp");
                soft.assertThat(pair.lp().totalSupply()).as(symbol).isEqualTo(lp.path("totalSupply").stringValue());
                soft.assertThat(bps(pair.lp().burnedPercent())).as(symbol + " burned").isEqualTo(lp.path("burnedBps").asInt());
                soft.assertThat(bps(pair.lp().lockedPercent())).as(symbol + " locked").isEqualTo(lp.path("lockedBps").asInt());
                soft.assertThat(bps(pair.lp().unlockedPercent())).as(symbol + " unlocked")
                        .isEqualTo(lp.path("unlockedBps").asInt());
                soft.assertThat(bps(liquidity.burnedPercent())).as(symbol).isEqualTo(lp.path("burnedBps").asInt());
                soft.assertThat(bps(liquidity.lockedPercent())).as(symbol).isEqualTo(lp.path("lockedBps").asInt());
                soft.assertThat(liquidity.locked()).as(symbol).isEqualTo(lp.path("lockedBps").asInt() > 0);

                List<String> expectedLocks = new ArrayList<>();
                for (JsonNode lock : lp.path("locks")) {
                    expectedLocks.add(lock.path("locker").stringValue() + "#" + lock.path("lockId").asInt() + " "
                            + lock.path("amount").stringValue() + " until " + lock.path("unlockTime").asLong());
                }
                soft.assertThat(pair.lp().locks().stream().map(l -> l.locker() + "#" + l.lockId() + " " + l.amount()
                        + " until " + l.unlockTime()).toList()).as(symbol + " locks").isEqualTo(expectedLocks);
                if (!expectedLocks.isEmpty()) {
                    long earliest = lp.path("locks").valueStream().mapToLong(l -> l.path("unlockTime").asLong()).min()
                            .orElseThrow();
                    soft.assertThat(liquidity.unlockTime()).as(symbol).isEqualTo(earliest);
                    soft.assertThat(liquidity.lockDuration()).as(symbol).isPositive();
                }
                List<String> unlockedHolders = lp.path("unlockedHolders").valueStream()
                        .map(h -> h.path("address").stringValue() + " " + h.path("percentBps").asInt()).toList();
                soft.assertThat(pair.lp().unlockedHolders()).as(symbol).isNotNull();
                soft.assertThat(pair.lp().unlockedHolders().stream().map(h -> h.address() + " " + bps(h.percent()))
                        .toList()).as(symbol + " unlocked LP holders").isEqualTo(unlockedHolders);
            });
        }
    }

    @Test
    void holdersMatchTheManifestForEveryZooToken() throws Exception {
        for (JsonNode token : devnet.tokens()) {
            TokenFacts facts = facts(token);
            String symbol = token.path("symbol").stringValue();
            JsonNode expected = token.path("holders");
            Distribution distribution = facts.distribution();
            assertThat(distribution).as(symbol).isNotNull();
            // The manifest counts every address but 0x0, 0x…dEaD, the pool and the locker; Kaizen also leaves out the
            // token contract itself (fees it holds to swap are not a holder). Tokens holding themselves differ by it.
            String self = token.path("address").stringValue();
            JsonNode selfEntry = expected.path("top").valueStream()
                    .filter(h -> h.path("address").stringValue().equals(self)).findFirst().orElse(null);
            assertSoftly(soft -> {
                soft.assertThat(coverage(facts, "holders").status()).as(symbol).isEqualTo("ran");
                soft.assertThat(distribution.partial()).as(symbol).isFalse();
                soft.assertThat(distribution.creator()).as(symbol).isNotNull();
                soft.assertThat(distribution.creator().address()).as(symbol).isEqualTo(token.path("deployer").stringValue());
                soft.assertThat(bps(distribution.creator().percent())).as(symbol + " creator share")
                        .isEqualTo(expected.path("deployerBps").asInt());
                if (selfEntry == null) {
                    soft.assertThat(distribution.holderCount()).as(symbol + " holders").isEqualTo(expected.path("count").asInt());
                    soft.assertThat(bps(distribution.top10Percentage())).as(symbol + " top 10")
                            .isEqualTo(expected.path("top10Bps").asInt());
                    soft.assertThat(distribution.topHolders().stream().map(h -> h.address() + " " + bps(h.percent()))
                            .toList()).as(symbol + " top holders").isEqualTo(expected.path("top").valueStream()
                            .map(h -> h.path("address").stringValue() + " " + h.path("percentBps").asInt()).toList());
                } else {
                    soft.assertThat(distribution.holderCount()).as(symbol + " holders")
                            .isEqualTo(expected.path("count").asInt() - 1);
                    soft.assertThat(distribution.excluded()).as(symbol)
                            .anyMatch(e -> e.address().equals(self) && e.reason().equals("the token contract itself"));
                    // The token's own share leaves the top 10 and the 11th holder enters it.
                    int withoutSelf = expected.path("top10Bps").asInt() - selfEntry.path("percentBps").asInt();
                    soft.assertThat(bps(distribution.top10Percentage())).as(symbol + " top 10")
                            .isBetween(withoutSelf, expected.path("top10Bps").asInt());
                    soft.assertThat(distribution.topHolders()).as(symbol).noneMatch(h -> h.address().equals(self));
                }
                if (!token.path("owner").isNull() && !EvmAddress.parse(token.path("owner").stringValue()).isBurn()) {
                    soft.assertThat(distribution.owner()).as(symbol + " owner share").isNotNull();
                }
            });
        }
    }

    @Test
    void liquidityAndHolderSignalsAreExactlyTheManifestsOnes() throws Exception {
        List<String> codes = List.of("lp_burned", "lp_locked", "lp_unlocked", "concentrated_holders",
                "mint_after_launch", "siphoned_holder");
        for (JsonNode token : devnet.tokens()) {
            TokenFacts facts = facts(token);
            String symbol = token.path("symbol").stringValue();
            List<String> expected = token.path("behaviours").valueStream()
                    .filter(b -> codes.contains(b.path("code").stringValue()))
                    .map(DevnetMarketFactsTests::canonical).sorted().toList();
            List<String> actual = facts.signals().stream().filter(s -> codes.contains(s.code()))
                    .map(DevnetMarketFactsTests::canonical).sorted().toList();
            assertThat(actual).as(symbol + " signals").isEqualTo(expected);
            for (Signal signal : facts.signals()) {
                if (codes.contains(signal.code())) {
                    assertThat(signal.evidence()).as(symbol + " " + signal.code() + " evidence").isNotEmpty();
                }
            }
        }
    }

    @Test
    void collectionStaysWithinAFewSequentialRoundTrips() throws Exception {
        for (JsonNode token : devnet.tokens()) {
            TokenFacts facts = facts(token);
            assertThat(facts.rpc().sequentialRoundTrips()).as(token.path("symbol").stringValue())
                    .isPositive().isLessThanOrEqualTo(facts.rpc().roundTrips());
        }
    }

    @Test
    void samplesAndEventsAreAppendedOnceToTheTimeSeries() throws Exception {
        JsonNode token = devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals("HARBOR"))
                .findFirst().orElse(devnet.tokens().get(2));
        String address = token.path("address").stringValue();
        String pair = token.path("pools").get(0).path("pair").stringValue();
        TokenFacts first = collector.collect(chain, EvmAddress.parse(address), Depth.STANDARD);
        assertThat(coverage(first, "timeseries").status()).isEqualTo("ran");
        Integer samples = jdbc.queryForObject("SELECT count(*) FROM token_prices WHERE network = ? AND "
                + "contract_address = ? AND data_source = 'dex-onchain'", Integer.class, chain.name(), address);
        Integer events = jdbc.queryForObject("SELECT count(*) FROM blockchain_events WHERE network = ? AND "
                + "contract_address IN (?, ?)", Integer.class, chain.name(), address, pair);
        Map<String, Object> row = jdbc.queryForMap("SELECT price_usd, liquidity_usd, holder_count, market_cap FROM "
                + "token_prices WHERE network = ? AND contract_address = ?", chain.name(), address);
        assertThat(samples).isEqualTo(1);
        assertThat((BigDecimal) row.get("liquidity_usd")).isEqualByComparingTo(first.liquidity().totalUSD());
        assertThat(((BigDecimal) row.get("price_usd")).setScale(12, RoundingMode.HALF_UP))
                .isEqualByComparingTo(first.liquidity().priceUsd().setScale(12, RoundingMode.HALF_UP));
        assertThat(row.get("holder_count")).isEqualTo(first.distribution().holderCount());
        // The scan reads every event of the token; the series keeps its Transfers and the pool's Transfer/Mint/Burn/Sync.
        assertThat(events).isEqualTo(seriesLogs(address, pair, first.blockNumber()));
        Map<String, Integer> byType = jdbc.queryForList("SELECT event_type, count(*) AS n FROM blockchain_events WHERE "
                        + "network = ? AND contract_address IN (?, ?) GROUP BY event_type", chain.name(), address, pair)
                .stream().collect(Collectors.toMap(r -> (String) r.get("event_type"), r -> ((Number) r.get("n")).intValue()));
        assertThat(byType).containsKeys("Transfer", "Mint", "Sync");
        JsonNode transfer = MAPPER.readTree(jdbc.queryForObject("SELECT event_data::text FROM blockchain_events WHERE "
                + "network = ? AND contract_address = ? AND event_type = 'Transfer' ORDER BY block_number, log_index "
                + "LIMIT 1", String.class, chain.name(), address));
        assertThat(transfer.path("from").stringValue()).isEqualTo(EvmAddress.ZERO.toChecksum());
        assertThat(new BigInteger(transfer.path("value").stringValue())).isEqualTo(new BigInteger(
                token.path("totalSupply").stringValue()));

        TokenFacts second = collector.collect(chain, EvmAddress.parse(address), Depth.STANDARD);
        assertThat(coverage(second, "timeseries").reason()).startsWith("appended 0 new of " + events + " events");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM token_prices WHERE network = ? AND contract_address = ?",
                Integer.class, chain.name(), address)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM blockchain_events WHERE network = ? AND "
                + "contract_address IN (?, ?)", Integer.class, chain.name(), address, pair)).isEqualTo(events);
    }

    /** The token's Transfer logs and the pair's Transfer/Mint/Burn/Sync logs up to {@code block}, read from the node. */
    private static int seriesLogs(String token, String pair, long block) throws Exception {
        java.util.function.Function<String, String> topic = signature -> "0x" + java.util.HexFormat.of().formatHex(
                EvmAddress.keccak256(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String transfer = topic.apply("Transfer(address,address,uint256)");
        ai.kaizen.data.rpc.RpcSession session = client.session(chain.name(), chain.rpcUrls());
        JsonNode tokenLogs = session.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock",
                "0x" + Long.toHexString(block), "address", token, "topics", List.of(transfer)));
        JsonNode pairLogs = session.call("eth_getLogs", Map.of("fromBlock", "0x0", "toBlock",
                "0x" + Long.toHexString(block), "address", pair, "topics", List.of(List.of(transfer,
                        topic.apply("Mint(address,uint256,uint256)"), topic.apply("Burn(address,uint256,uint256,address)"),
                        topic.apply("Sync(uint112,uint112)")))));
        return tokenLogs.size() + pairLogs.size();
    }

    @Test
    void aLongChainIsScannedFromTheCreationBlockInWindows() throws Exception {
        // A 64-block window makes the devnet "long": the scan waits for the creation block and walks from there.
        HoldersProperties narrow = new HoldersProperties(50_000, 64, 100, Duration.ofSeconds(30), 2000, 5000, 1000, 3,
                5000, 200);
        FactsCollector windowed = new FactsCollector(client, new ExplorerClient(RpcProperties.defaults(), MAPPER),
                new MarketCollector(narrow, new TimeSeriesWriter(null, null, MAPPER, TimeSeriesProperties.defaults(),
                        Clock.systemUTC()), client, Clock.systemUTC()),
                new ai.kaizen.data.signals.BehaviourCollector(RpcProperties.defaults(), Optional.empty()),
                Optional.empty());
        JsonNode token = devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals("KZC")).findFirst()
                .orElseThrow();
        TokenFacts facts = windowed.collect(chain, EvmAddress.parse(token.path("address").stringValue()), Depth.STANDARD);
        Distribution.Scan scan = facts.distribution().scan();
        assertThat(scan.fromBlock()).isPositive().isLessThanOrEqualTo(token.path("launchBlock").asLong());
        assertThat(scan.requests()).isGreaterThanOrEqualTo((int) ((scan.toBlock() - scan.fromBlock()) / 64));
        assertThat(facts.distribution().partial()).isFalse();
        assertThat(facts.distribution().holderCount()).isEqualTo(token.path("holders").path("count").asInt());
        assertThat(bps(facts.distribution().top10Percentage())).isEqualTo(token.path("holders").path("top10Bps").asInt());
    }

    @Test
    void aTokenWithMoreTransfersThanTheCapGetsPartialHoldersAndSaysWhy() throws Exception {
        HoldersProperties capped = new HoldersProperties(5, 100_000, 25, Duration.ofSeconds(5), 2000, 5000, 1000, 3,
                5000, 200);
        FactsCollector small = new FactsCollector(client, new ExplorerClient(RpcProperties.defaults(), MAPPER),
                new MarketCollector(capped, new TimeSeriesWriter(null, null, MAPPER, TimeSeriesProperties.defaults(),
                        Clock.systemUTC()), client, Clock.systemUTC()),
                new ai.kaizen.data.signals.BehaviourCollector(RpcProperties.defaults(), Optional.empty()),
                Optional.empty());
        JsonNode token = devnet.tokens().get(2);
        TokenFacts facts = small.collect(chain, EvmAddress.parse(token.path("address").stringValue()), Depth.STANDARD);
        assertThat(facts.distribution().partial()).isTrue();
        assertThat(facts.distribution().partialReason()).contains("kaizen.holders.max-logs");
        assertThat(facts.distribution().holderCount()).isLessThan(token.path("holders").path("count").asInt());
        Coverage holders = coverage(facts, "holders");
        assertThat(holders.status()).isEqualTo("ran");
        assertThat(holders.reason()).startsWith("partial:");
        // Without the pair's complete logs, who holds the unlocked LP is not claimed.
        assertThat(facts.liquidity().pairs().getFirst().lp().unlockedHolders()).isNull();
    }

    @Test
    void aDatabaseOutageIsACoverageNoteNotAFailedRequest() throws Exception {
        DriverManagerDataSource dead = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/kaizen?connectTimeout=1",
                "postgres", "");
        TimeSeriesWriter writer = new TimeSeriesWriter(new JdbcTemplate(dead), null, MAPPER,
                new TimeSeriesProperties(true, Duration.ofSeconds(10), Duration.ofSeconds(30), 1000), Clock.systemUTC());
        JsonNode token = devnet.tokens().get(2);
        TokenFacts facts = collector(writer).collect(chain, EvmAddress.parse(token.path("address").stringValue()),
                Depth.STANDARD);
        Coverage timeseries = coverage(facts, "timeseries");
        assertThat(timeseries.status()).isEqualTo("failed");
        assertThat(timeseries.reason()).contains("database");
        assertThat(facts.liquidity()).isNotNull();
        assertThat(facts.distribution()).isNotNull();
        assertThat(coverage(facts, "liquidity").status()).isEqualTo("ran");
        assertThat(coverage(facts, "holders").status()).isEqualTo("ran");
    }

    private static Coverage coverage(TokenFacts facts, String check) {
        return facts.coverage().stream().filter(c -> c.check().equals(check)).findFirst()
                .orElseThrow(() -> new AssertionError("no coverage entry " + check + " in " + facts.coverage()));
    }

    /** A behaviour or signal as comparable text: code and parameters, sorted by name. */
    private static String canonical(JsonNode behaviour) {
        StringBuilder out = new StringBuilder(behaviour.path("code").stringValue());
        behaviour.properties().stream().filter(e -> !e.getKey().equals("code"))
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append(' ').append(e.getKey()).append('=').append(text(e.getValue())));
        return out.toString();
    }

    private static String canonical(Signal signal) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("code", signal.code());
        node.setAll((ObjectNode) MAPPER.valueToTree(signal.params()));
        return canonical(node);
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            return value.valueStream().map(DevnetMarketFactsTests::text).toList().toString();
        }
        return value.isString() ? value.stringValue() : value.toString();
    }
}
