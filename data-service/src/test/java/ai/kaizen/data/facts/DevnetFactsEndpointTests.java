package ai.kaizen.data.facts;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;

import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The facts endpoint at standard depth on a private devnet, as deployed: the Spring-wired market collector, the
 * configured chain registry, the real Redis cache and the chain schema's time series.
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
}
