package ai.kaizen.data.facts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.common.events.DataEvents;
import ai.kaizen.common.messaging.OutboxRelay;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts endpoint at standard depth on a private devnet, as deployed: the Spring-wired market collector, the
 * configured chain registry, the real Redis cache, the chain schema's time series, and the data.token-updated event
 * going from the chain schema's outbox to the {@code events:data} stream through the relay of this context.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DevnetFactsEndpointTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static PrivateDevnet devnet;

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    List<OutboxRelay> relays;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        devnet = PrivateDevnet.start();
        TestTokens.register(registry);
        TestDatabase.register(registry, "chain");
        registry.add("kaizen.chains.devnet.rpc-urls", () -> devnet.url().toString());
        registry.add("kaizen.chains.devnet.manifest", () -> devnet.manifestPath().toString());
        registry.add("kaizen.timeseries.max-wait", () -> "30s");
    }

    @AfterAll
    static void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    @Test
    void standardFactsCarryLiquidityDistributionSignalsAndAppendTheTimeSeries() throws Exception {
        JsonNode whale = devnet.tokens().stream().filter(t -> t.path("behaviours").valueStream()
                .anyMatch(b -> b.path("code").stringValue().equals("concentrated_holders"))).findFirst().orElseThrow();
        String address = whale.path("address").stringValue();
        redis.delete("facts:devnet:" + address.toLowerCase(java.util.Locale.ROOT) + ":standard");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/tokens/devnet/" + address + "/facts?depth=standard"))
                .header("Authorization", "Bearer " + TestTokens.user("u1")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Kaizen-Cache")).hasValue("miss");
        JsonNode facts = MAPPER.readTree(response.body());
        JsonNode liquidity = facts.path("liquidity");
        BigDecimal expectedUsd = BigDecimal.valueOf(whale.path("pools").get(0).path("liquidityUsd").asDouble());
        assertThat(liquidity.path("totalUSD").decimalValue().subtract(expectedUsd).abs())
                .isLessThanOrEqualTo(expectedUsd.multiply(new BigDecimal("0.01")));
        assertThat(liquidity.path("burnedPercent").decimalValue()).isEqualByComparingTo("50");
        assertThat(liquidity.path("lockedPercent").decimalValue()).isEqualByComparingTo("30");
        assertThat(liquidity.path("locked").booleanValue()).isTrue();
        assertThat(liquidity.path("lockDuration").asLong()).isPositive();
        assertThat(liquidity.path("pairs").get(0).path("lp").path("locks").get(0).path("unlockTime").asLong())
                .isEqualTo(whale.path("pools").get(0).path("lp").path("locks").get(0).path("unlockTime").asLong());
        JsonNode distribution = facts.path("distribution");
        assertThat(distribution.path("holderCount").asInt()).isEqualTo(whale.path("holders").path("count").asInt());
        assertThat(distribution.path("top10Percentage").decimalValue().movePointRight(2).intValue())
                .isEqualTo(whale.path("holders").path("top10Bps").asInt());
        assertThat(distribution.path("topHolders")).hasSize(whale.path("holders").path("top").size());
        assertThat(facts.path("signals").valueStream().filter(s -> s.path("code").stringValue()
                .equals("concentrated_holders")).findFirst().orElseThrow().path("params").path("top10_bps").asInt())
                .isEqualTo(whale.path("holders").path("top10Bps").asInt());
        assertThat(facts.path("rpc").path("sequentialRoundTrips").asInt()).isPositive();
        for (String check : new String[] {"liquidity", "holders", "timeseries"}) {
            assertThat(facts.path("coverage").valueStream().filter(c -> c.path("check").stringValue().equals(check))
                    .findFirst().orElseThrow().path("status").stringValue()).as(check).isEqualTo("ran");
        }

        // The sample is stamped with the collection block's time (other runs share the test database).
        HttpResponse<String> block = HttpClient.newHttpClient().send(HttpRequest.newBuilder(devnet.url())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"0x"
                                + Long.toHexString(facts.path("blockNumber").asLong()) + "\",false]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Instant blockTime = Instant.ofEpochSecond(Long.parseLong(MAPPER.readTree(block.body()).path("result")
                .path("timestamp").stringValue().substring(2), 16));
        Integer samples = jdbc.queryForObject("SELECT count(*) FROM token_prices WHERE network = 'devnet' AND "
                + "contract_address = ? AND time = ? AND holder_count = ? AND liquidity_usd = ?", Integer.class,
                address, Timestamp.from(blockTime), distribution.path("holderCount").asInt(),
                liquidity.path("totalUSD").decimalValue());
        assertThat(samples).isEqualTo(1);
    }

    @Test
    void aFirstCollectionReachesTheDataStreamThroughThisServicesOutboxRelay() throws Exception {
        assertThat(relays).as("common-lib's outbox relay in data-service's context").singleElement()
                .satisfies(relay -> assertThat(relay.isRunning()).isTrue());
        String address = devnet.tokens().stream().filter(t -> t.path("symbol").stringValue().equals("KZC"))
                .findFirst().orElseThrow().path("address").stringValue();
        // Earlier runs share the test database and Redis: make this the token's first collection, uncached.
        jdbc.update("DELETE FROM token_snapshots WHERE network = 'devnet' AND contract_address = ?", address);
        redis.delete("facts:devnet:" + address.toLowerCase(java.util.Locale.ROOT) + ":standard");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://localhost:" + port + "/api/tokens/devnet/" + address + "/facts?depth=standard"))
                .header("Authorization", "Bearer " + TestTokens.user("u1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode updates = MAPPER.readTree(response.body()).path("coverage").valueStream()
                .filter(c -> c.path("check").stringValue().equals("updates")).findFirst().orElseThrow();
        assertThat(updates.path("status").stringValue()).isEqualTo("ran");
        assertThat(updates.path("reason").stringValue()).contains("first-seen");

        UUID id = jdbc.queryForObject("SELECT id FROM outbox_event WHERE event_key = ? ORDER BY id DESC LIMIT 1",
                UUID.class, "devnet:" + address);
        // The relay publishes after the commit; wait (bounded) for the entry to appear on the stream.
        Map<Object, Object> entry = null;
        for (int attempt = 0; attempt < 200 && entry == null; attempt++) {
            List<MapRecord<String, Object, Object>> recent = redis.opsForStream().reverseRange(DataEvents.STREAM.key(),
                    Range.unbounded(), Limit.limit().count(500));
            entry = recent == null ? null : recent.stream().map(MapRecord::getValue)
                    .filter(fields -> id.toString().equals(fields.get("id"))).findFirst().orElse(null);
            if (entry == null) {
                Thread.sleep(50);
            }
        }
        assertThat(entry).as("outbox event " + id + " on " + DataEvents.STREAM.key()).isNotNull();
        assertThat(entry).containsEntry("type", "data.token-updated").containsEntry("key", "devnet:" + address)
                .containsEntry("producer", "data-service");
        JsonNode payload = MAPPER.readTree((String) entry.get("payload"));
        assertThat(payload.path("changes").valueStream().map(JsonNode::stringValue).toList())
                .containsExactly("first-seen");
        assertThat(payload.path("contractAddress").stringValue()).isEqualTo(address);
    }
}
