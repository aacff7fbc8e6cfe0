package ai.kaizen.data.timeseries;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Appends against the real chain schema of the test database. */
class TimeSeriesWriterTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();
    static final EvmAddress TOKEN = EvmAddress.parse("0x00000000000000000000000000000000000a11ce");
    static final String TRANSFER = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";
    static final String SYNC = "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1";

    static JdbcTemplate jdbc;
    static TimeSeriesWriter writer;

    @BeforeAll
    static void database() {
        DatabaseTarget target = TestDatabase.migrated();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(target.url() + "?currentSchema=chain",
                target.user(), target.password());
        jdbc = new JdbcTemplate(dataSource);
        writer = new TimeSeriesWriter(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                MAPPER, TimeSeriesProperties.defaults(), Clock.systemUTC());
    }

    static String network() {
        return "tsw-" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static List<ChainEvent> events(String network) {
        Instant time = Instant.parse("2026-01-01T00:02:00Z");
        LogEntry transfer = new LogEntry(10, 0, "0x" + "ab".repeat(32), TOKEN.toLowerHex(), List.of(TRANSFER,
                "0x" + "0".repeat(64), "0x" + "0".repeat(24) + "11".repeat(20)), String.format("0x%064x", 1000));
        LogEntry sync = new LogEntry(10, 1, "0x" + "ab".repeat(32), TOKEN.toLowerHex(), List.of(SYNC),
                String.format("0x%064x%064x", 5, 7));
        return List.of(ChainEvents.decode(transfer, network, time), ChainEvents.decode(sync, network, time));
    }

    @Test
    void eventsAndTheBlocksSampleAreAppendedOnce() {
        String network = network();
        PriceSample sample = new PriceSample(Instant.parse("2026-11-27T10:00:00Z"), network, TOKEN.toChecksum(),
                new BigDecimal("0.000000000123456789"), new BigDecimal("1234.56"), new BigDecimal("152280.00"), 11,
                PriceSample.DEX_ONCHAIN);
        TimeSeriesWriter.Outcome first = writer.append(sample, events(network)).join();
        assertThat(first).isEqualTo(new TimeSeriesWriter.Outcome(2, 2, true, null, null));
        TimeSeriesWriter.Outcome again = writer.append(sample, events(network)).join();
        assertThat(again).isEqualTo(new TimeSeriesWriter.Outcome(2, 0, false, null, null));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM blockchain_events WHERE network = ?", Integer.class,
                network)).isEqualTo(2);
        Map<String, Object> row = jdbc.queryForMap("SELECT price_usd, liquidity_usd, holder_count, data_source FROM "
                + "token_prices WHERE network = ?", network);
        assertThat((BigDecimal) row.get("price_usd")).isEqualByComparingTo("0.000000000123456789");
        assertThat(row.get("holder_count")).isEqualTo(11);
        assertThat(row.get("data_source")).isEqualTo("dex-onchain");
        String data = jdbc.queryForObject("SELECT event_data::text FROM blockchain_events WHERE network = ? AND "
                + "event_type = 'Sync'", String.class, network);
        assertThat(MAPPER.readTree(data).path("reserve1").stringValue()).isEqualTo("7");
    }

    @Test
    void anAbsurdMarketCapIsLeftEmptyRatherThanFailingTheRow() {
        String network = network();
        PriceSample sample = new PriceSample(Instant.parse("2026-11-27T10:00:00Z"), network, TOKEN.toChecksum(),
                BigDecimal.ONE, new BigDecimal("1e40"), BigDecimal.TEN, null, PriceSample.DEX_ONCHAIN);
        assertThat(writer.append(sample, List.of()).join().sampleInserted()).isTrue();
        assertThat(jdbc.queryForObject("SELECT market_cap FROM token_prices WHERE network = ?", BigDecimal.class,
                network)).isNull();
    }

    @Test
    void aDatabaseOutageIsReportedAndAppendsPauseForTheQuietPeriod() {
        DriverManagerDataSource dead = new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/kaizen?connectTimeout=1",
                "postgres", "");
        TimeSeriesWriter down = new TimeSeriesWriter(new JdbcTemplate(dead), null, MAPPER,
                new TimeSeriesProperties(true, Duration.ofSeconds(1), Duration.ofMinutes(5), 100), Clock.systemUTC());
        TimeSeriesWriter.Outcome failed = down.append(null, events(network())).join();
        assertThat(failed.failure()).startsWith("the database could not be written");
        assertThat(failed.eventsInserted()).isZero();
        TimeSeriesWriter.Outcome quiet = down.append(null, events(network())).join();
        assertThat(quiet.failure()).contains("failed recently").contains("quiet period");

        TimeSeriesWriter none = new TimeSeriesWriter(null, null, MAPPER, TimeSeriesProperties.defaults(),
                Clock.systemUTC());
        assertThat(none.append(null, List.of()).join().skipped()).isEqualTo("no database is configured");
    }
}
