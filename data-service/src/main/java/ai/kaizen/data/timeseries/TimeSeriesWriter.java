package ai.kaizen.data.timeseries;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends price samples to {@code chain.token_prices} and events to {@code chain.blockchain_events}, off the request
 * thread, in one transaction per collection with batched, parameterized inserts. Events are idempotent (ON CONFLICT
 * DO NOTHING on network, transaction hash, log index and block time); a sample is skipped when one already exists
 * for the token at the same block time. The database is not needed for facts: any failure is logged and reported,
 * and writes pause for a quiet period so an outage costs nothing.
 */
@Component
public class TimeSeriesWriter {

    /**
     * What an append did. {@code failure} is set when the database could not be written; {@code skipped} when
     * appending is off or no database is configured (nothing was tried).
     */
    public record Outcome(int events, int eventsInserted, boolean sampleInserted, @Nullable String failure,
                          @Nullable String skipped) {
    }

    private static final Logger log = LoggerFactory.getLogger(TimeSeriesWriter.class);
    private static final int BATCH = 500;
    private static final BigDecimal PRICE_LIMIT = BigDecimal.TEN.pow(20);
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(36);

    static final String INSERT_EVENT = "INSERT INTO blockchain_events (time, network, contract_address, event_type, "
            + "block_number, transaction_hash, log_index, event_data) VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb)) "
            + "ON CONFLICT DO NOTHING";
    static final String INSERT_SAMPLE = "INSERT INTO token_prices (time, contract_address, network, price_usd, "
            + "market_cap, liquidity_usd, holder_count, data_source) SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
            + "(SELECT 1 FROM token_prices WHERE network = ? AND contract_address = ? AND time = ? AND data_source = ?)";

    private final @Nullable JdbcTemplate jdbc;
    private final @Nullable TransactionTemplate transactions;
    private final JsonMapper mapper;
    private final TimeSeriesProperties properties;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong quietUntil = new AtomicLong();
    private volatile @Nullable String lastFailure;

    @Autowired
    TimeSeriesWriter(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<TransactionTemplate> transactions,
                     JsonMapper mapper, TimeSeriesProperties properties, Optional<Clock> clock) {
        this(jdbc.getIfAvailable(), transactions.getIfAvailable(), mapper, properties, clock.orElse(Clock.systemUTC()));
    }

    /** A writer outside Spring (tests, benchmarks); without a JdbcTemplate every append reports "no database". */
    public TimeSeriesWriter(@Nullable JdbcTemplate jdbc, @Nullable TransactionTemplate transactions, JsonMapper mapper,
                            TimeSeriesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    public TimeSeriesProperties properties() {
        return properties;
    }

    /** Appends in the background; the future never fails (a failure is in the outcome). */
    public CompletableFuture<Outcome> append(@Nullable PriceSample sample, List<ChainEvent> events) {
        JdbcTemplate template = jdbc;
        if (!properties.enabled() || template == null) {
            return CompletableFuture.completedFuture(new Outcome(events.size(), 0, false, null,
                    !properties.enabled() ? "disabled (kaizen.timeseries.enabled=false)" : "no database is configured"));
        }
        if (clock.millis() < quietUntil.get()) {
            return CompletableFuture.completedFuture(new Outcome(events.size(), 0, false,
                    "not appended: the database failed recently (" + lastFailure + "); retrying after a quiet period",
                    null));
        }
        List<ChainEvent> capped = events.size() > properties.maxEvents()
                ? events.subList(0, properties.maxEvents()) : events;
        return CompletableFuture.supplyAsync(() -> write(template, sample, capped), executor);
    }

    private Outcome write(JdbcTemplate template, @Nullable PriceSample sample, List<ChainEvent> events) {
        try {
            TransactionTemplate transaction = transactions;
            Outcome outcome = transaction == null ? insert(template, sample, events)
                    : transaction.execute(status -> insert(template, sample, events));
            return outcome == null ? new Outcome(events.size(), 0, false, "no outcome", null) : outcome;
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + brief(e.getMessage());
            lastFailure = reason;
            quietUntil.set(clock.millis() + properties.quietPeriod().toMillis());
            log.warn("Time-series append failed ({}); appends pause for {}", reason, properties.quietPeriod());
            return new Outcome(events.size(), 0, false, "the database could not be written: " + reason, null);
        }
    }

    private Outcome insert(JdbcTemplate template, @Nullable PriceSample sample, List<ChainEvent> events) {
        int inserted = 0;
        for (int from = 0; from < events.size(); from += BATCH) {
            List<Object[]> rows = new ArrayList<>();
            for (ChainEvent event : events.subList(from, Math.min(events.size(), from + BATCH))) {
                rows.add(new Object[] {Timestamp.from(event.time()), event.network(), event.contractAddress(),
                        event.eventType(), event.blockNumber(), event.transactionHash(), event.logIndex(),
                        mapper.writeValueAsString(event.eventData())});
            }
            for (int count : template.batchUpdate(INSERT_EVENT, rows)) {
                inserted += Math.max(0, count);
            }
        }
        boolean sampled = false;
        if (sample != null) {
            Timestamp time = Timestamp.from(sample.time());
            sampled = template.update(INSERT_SAMPLE, time, sample.contractAddress(), sample.network(),
                    bounded(sample.priceUsd(), PRICE_LIMIT), bounded(sample.marketCap(), AMOUNT_LIMIT),
                    bounded(sample.liquidityUsd(), AMOUNT_LIMIT), sample.holderCount(), sample.dataSource(),
                    sample.network(), sample.contractAddress(), time, sample.dataSource()) > 0;
        }
        return new Outcome(events.size(), inserted, sampled, null, null);
    }

    /** A value the column can hold (numeric(38, s)), else null: an absurd meme-token market cap is not stored. */
    private static @Nullable BigDecimal bounded(@Nullable BigDecimal value, BigDecimal limit) {
        return value == null || value.abs().compareTo(limit) >= 0 ? null : value;
    }

    private static String brief(@Nullable String message) {
        if (message == null) {
            return "no message";
        }
        String line = message.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    @PreDestroy
    public void close() {
        executor.close();
    }
}
