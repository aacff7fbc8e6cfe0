package ai.kaizen.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ai.kaizen.common.messaging.EventPublisher;
import ai.kaizen.common.messaging.EventSubscription;
import ai.kaizen.common.messaging.EventType;
import ai.kaizen.common.messaging.Envelopes;
import ai.kaizen.common.messaging.MessagingProperties;
import ai.kaizen.common.messaging.ProcessedEvents;
import ai.kaizen.common.messaging.RedisStreams;
import ai.kaizen.common.messaging.StreamConsumer;
import ai.kaizen.common.messaging.StreamDefinition;
import ai.kaizen.migrations.DatabaseTarget;
import ai.kaizen.migrations.Migrator;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.lettuce.core.Consumer;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Messaging throughput on the local Redis and PostgreSQL: events/s published, events/s consumed
 * end-to-end with ack-after-commit and idempotency on (each event's handler writes a row in the same
 * transaction as its processed_event record), handler latency p50/p99, with 1 and 2 consumers; and,
 * in the same run, raw XADD + XREADGROUP + XACK without envelopes or PostgreSQL for comparison.
 *
 * <p>Arguments (all optional): {@code --events=N} (default 50000), {@code --concurrency=N}
 * transactions in flight per consumer (default 4), {@code --batch=N} events per transaction (default 100),
 * {@code --rounds=N} repetitions whose median is reported (default 3).
 * Environment: {@code KAIZEN_BENCH_REDIS_URI} (redis://localhost:6379), {@code KAIZEN_BENCH_DB_URL}
 * (jdbc:postgresql://localhost:5432/kaizen_bench, created if missing), {@code KAIZEN_BENCH_DB_USER}
 * (postgres), {@code KAIZEN_BENCH_DB_PASSWORD}. Streams and the schema it creates are removed afterwards.
 */
public final class MessagingBench {

    private static final String GROUP = "bench";
    private static final int PIPELINE = 500;

    @EventType("bench.token-scored")
    public record TokenScored(String network, String address, int score, String riskLevel, long observedAtMillis) {
    }

    /** What the handler does with each event. */
    enum Handler {
        /** one INSERT per event, the usual handler */
        ROW_PER_EVENT,
        /** one JDBC batch INSERT per transaction, through a BatchEventHandler */
        BATCH_INSERT,
        /** nothing: only the backbone's own work (idempotency record, commit, ack) */
        NOTHING
    }

    record Throughput(double eventsPerSecond, double handlerP50Ms, double handlerP99Ms, double endToEndP50Ms,
                      double endToEndP99Ms) {
    }

    private final int events;
    private final int concurrency;
    private final int batch;
    private final int rounds;
    private final String redisUri;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final String runId = Long.toHexString(System.currentTimeMillis());
    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
    private RedisStreams redis;
    private HikariDataSource dataSource;
    private String schema;

    private MessagingBench(int events, int concurrency, int batch, int rounds) {
        this.events = events;
        this.concurrency = concurrency;
        this.batch = batch;
        this.rounds = rounds;
        Map<String, String> env = System.getenv();
        this.redisUri = env.getOrDefault("KAIZEN_BENCH_REDIS_URI", "redis://localhost:6379");
        this.dbUrl = env.getOrDefault("KAIZEN_BENCH_DB_URL", "jdbc:postgresql://localhost:5432/kaizen_bench");
        this.dbUser = env.getOrDefault("KAIZEN_BENCH_DB_USER", "postgres");
        this.dbPassword = env.getOrDefault("KAIZEN_BENCH_DB_PASSWORD", "");
    }

    public static void main(String[] args) throws Exception {
        int events = 50_000;
        int concurrency = 4;
        int batch = 100;
        int rounds = 3;
        for (String arg : args) {
            if (arg.startsWith("--events=")) {
                events = Integer.parseInt(arg.substring("--events=".length()));
            } else if (arg.startsWith("--concurrency=")) {
                concurrency = Integer.parseInt(arg.substring("--concurrency=".length()));
            } else if (arg.startsWith("--batch=")) {
                batch = Integer.parseInt(arg.substring("--batch=".length()));
            } else if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(arg.substring("--rounds=".length()));
            } else {
                System.err.println("Unknown argument " + arg + "; use --events=N --concurrency=N --batch=N --rounds=N");
                System.exit(2);
            }
        }
        new MessagingBench(events, concurrency, batch, rounds).run();
    }

    private void run() throws Exception {
        setUp();
        try {
            print("Kaizen messaging benchmark: %,d events per run, %d cores, Redis %s, PostgreSQL %s%n",
                    events, Runtime.getRuntime().availableProcessors(), redisUri, dbUrl);
            print("consumer settings: %d transactions in flight per consumer, up to %d events per transaction%n%n",
                    concurrency, batch);
            // Warm-up so the JIT has compiled the hot paths before anything is measured.
            rawEndToEnd(Math.min(events, 10_000), 1);
            kaizenEndToEnd(Math.min(events, 10_000), 1);

            // Rounds interleave the raw and Kaizen runs so that load from elsewhere on the machine hits both alike;
            // each figure is the median of its rounds.
            List<Double> rawPublishes = new ArrayList<>();
            List<Double> kaizenPublishes = new ArrayList<>();
            List<Double> raw1s = new ArrayList<>();
            List<Double> raw2s = new ArrayList<>();
            List<Throughput> kaizen1s = new ArrayList<>();
            List<Throughput> kaizen2s = new ArrayList<>();
            List<Throughput> batch1s = new ArrayList<>();
            List<Throughput> batch2s = new ArrayList<>();
            List<Throughput> empty1s = new ArrayList<>();
            List<Throughput> empty2s = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                rawPublishes.add(rawPublish(events));
                kaizenPublishes.add(kaizenPublish(events));
                raw1s.add(rawEndToEnd(events, 1));
                kaizen1s.add(kaizenEndToEnd(events, 1));
                raw2s.add(rawEndToEnd(events, 2));
                kaizen2s.add(kaizenEndToEnd(events, 2));
                batch1s.add(kaizenEndToEnd(events, 1, Handler.BATCH_INSERT));
                batch2s.add(kaizenEndToEnd(events, 2, Handler.BATCH_INSERT));
                empty1s.add(kaizenEndToEnd(events, 1, Handler.NOTHING));
                empty2s.add(kaizenEndToEnd(events, 2, Handler.NOTHING));
                print("round %d of %d done%n", round, rounds);
            }
            double rawPublish = median(rawPublishes);
            double kaizenPublish = median(kaizenPublishes);
            double raw1 = median(raw1s);
            double raw2 = median(raw2s);
            Throughput kaizen1 = medianThroughput(kaizen1s);
            Throughput kaizen2 = medianThroughput(kaizen2s);
            Throughput batch1 = medianThroughput(batch1s);
            Throughput batch2 = medianThroughput(batch2s);
            Throughput empty1 = medianThroughput(empty1s);
            Throughput empty2 = medianThroughput(empty2s);
            print("%nmedians of %d rounds:%n", rounds);

            print("published:%n");
            print("  %-68s %,8.0f events/s%n", "raw XADD, pipelined", rawPublish);
            print("  %-68s %,8.0f events/s%n", "EventPublisher: UUIDv7 envelope + JSON + XADD MAXLEN~, pipelined", kaizenPublish);
            print("%nend-to-end raw XADD + XREADGROUP + XACK (no envelope, no PostgreSQL):%n");
            print("  %-68s %,8.0f events/s%n", "1 consumer", raw1);
            print("  %-68s %,8.0f events/s%n", "2 consumers", raw2);
            print("%nend-to-end Kaizen: ack after commit, idempotency record in the handler's transaction%n");
            printKaizen("handler INSERTs a row per event, 1 consumer", kaizen1, "handler");
            printKaizen("handler INSERTs a row per event, 2 consumers", kaizen2, "handler");
            printKaizen("batch handler, one JDBC batch INSERT per transaction, 1 consumer", batch1, "batch call");
            printKaizen("batch handler, one JDBC batch INSERT per transaction, 2 consumers", batch2, "batch call");
            printKaizen("handler does nothing (the backbone's own cost), 1 consumer", empty1, "handler");
            printKaizen("handler does nothing (the backbone's own cost), 2 consumers", empty2, "handler");
            print("%nraw / Kaizen end-to-end (target: at most 3x):%n");
            print("  row per event:  %.2fx with 1 consumer, %.2fx with 2 consumers%n",
                    raw1 / kaizen1.eventsPerSecond(), raw2 / kaizen2.eventsPerSecond());
            print("  batch handler:  %.2fx with 1 consumer, %.2fx with 2 consumers%n",
                    raw1 / batch1.eventsPerSecond(), raw2 / batch2.eventsPerSecond());
            print("  backbone only:  %.2fx with 1 consumer, %.2fx with 2 consumers%n",
                    raw1 / empty1.eventsPerSecond(), raw2 / empty2.eventsPerSecond());
            double slowest = Math.min(kaizen1.eventsPerSecond(), kaizen2.eventsPerSecond());
            print("target of 5,000 events/s end-to-end: %s (row per event, slowest case %,.0f events/s)%n",
                    slowest >= 5000 ? "met" : "NOT met", slowest);
        } finally {
            tearDown();
        }
    }

    private void printKaizen(String label, Throughput result, String timed) {
        print("  %-68s %,8.0f events/s  %s p50 %.3f ms p99 %.3f ms  publish-to-handler p50 %.0f ms p99 %.0f ms%n",
                label, result.eventsPerSecond(), timed, result.handlerP50Ms(), result.handlerP99Ms(),
                result.endToEndP50Ms(), result.endToEndP99Ms());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The round with the median throughput, latencies included. */
    private static Throughput medianThroughput(List<Throughput> values) {
        List<Throughput> sorted = values.stream()
                .sorted(java.util.Comparator.comparingDouble(Throughput::eventsPerSecond)).toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void print(String format, Object... args) {
        System.out.printf(Locale.ROOT, format, args);
        System.out.flush();
    }

    // ---------------------------------------------------------------- raw Redis

    private Map<String, String> sampleFields() {
        return Envelopes.standalone("bench-producer").create("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", sample(0)).toFields();
    }

    private static TokenScored sample(int i) {
        return new TokenScored("ethereum", "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", i % 101, "medium", 1_700_000_000_000L + i);
    }

    private double rawPublish(int count) {
        String stream = "bench:raw-publish:" + runId + ":" + runs.incrementAndGet();
        try {
            long started = System.nanoTime();
            rawXadd(stream, count);
            return rate(count, started);
        } finally {
            redis.sync().del(stream);
        }
    }

    private void rawXadd(String stream, int count) {
        Map<String, String> fields = sampleFields();
        XAddArgs trim = new XAddArgs().maxlen(1_000_000).approximateTrimming();
        List<RedisFuture<String>> window = new ArrayList<>(PIPELINE);
        for (int i = 0; i < count; i++) {
            window.add(redis.async().xadd(stream, trim, fields));
            if (window.size() == PIPELINE) {
                awaitAll(window);
            }
        }
        awaitAll(window);
    }

    private void awaitAll(List<? extends java.util.concurrent.Future<?>> futures) {
        for (java.util.concurrent.Future<?> future : futures) {
            try {
                future.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("A Redis write failed", e);
            }
        }
        futures.clear();
    }

    private double rawEndToEnd(int count, int consumers) throws Exception {
        String stream = "bench:raw:" + runId + ":" + runs.incrementAndGet();
        redis.ensureGroup(stream, GROUP);
        AtomicLong acknowledged = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        try {
            for (int c = 0; c < consumers; c++) {
                Consumer<String> consumer = Consumer.from(GROUP, "raw-" + c);
                readers.add(Thread.ofPlatform().start(() -> {
                    try (StatefulRedisConnection<String, String> connection = redis.dedicated(Duration.ofSeconds(10))) {
                        while (acknowledged.get() < count) {
                            List<StreamMessage<String, String>> entries = connection.sync().xreadgroup(consumer,
                                    XReadArgs.Builder.count(batch).block(100), XReadArgs.StreamOffset.lastConsumed(stream));
                            if (!entries.isEmpty()) {
                                connection.sync().xack(stream, GROUP, entries.stream().map(StreamMessage::getId).toArray(String[]::new));
                                acknowledged.addAndGet(entries.size());
                            }
                        }
                    }
                }));
            }
            long started = System.nanoTime();
            rawXadd(stream, count);
            for (Thread reader : readers) {
                reader.join();
            }
            return rate(count, started);
        } finally {
            redis.sync().del(stream);
        }
    }

    // ---------------------------------------------------------------- Kaizen

    private double kaizenPublish(int count) {
        String stream = "bench:kaizen-publish:" + runId + ":" + runs.incrementAndGet();
        try {
            EventPublisher publisher = new EventPublisher(redis, Envelopes.standalone("bench-producer"), 1_000_000,
                    new SimpleMeterRegistry());
            long started = System.nanoTime();
            publish(publisher, stream, count);
            return rate(count, started);
        } finally {
            redis.sync().del(stream);
        }
    }

    private void publish(EventPublisher publisher, String stream, int count) {
        List<CompletableFuture<String>> window = new ArrayList<>(PIPELINE);
        for (int i = 0; i < count; i++) {
            window.add(publisher.write(stream, publisher.envelopes().create("0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", sample(i))));
            if (window.size() == PIPELINE) {
                awaitAll(window);
            }
        }
        awaitAll(window);
    }

    private Throughput kaizenEndToEnd(int count, int consumers) throws Exception {
        return kaizenEndToEnd(count, consumers, Handler.ROW_PER_EVENT);
    }

    private Throughput kaizenEndToEnd(int count, int consumers, Handler mode) throws Exception {
        String stream = "bench:kaizen:" + runId + ":" + runs.incrementAndGet();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.99)
                        .expiry(Duration.ofMinutes(10)).bufferLength(1).build().merge(config);
            }
        });
        Timer endToEnd = Timer.builder("bench.publish.to.handler").register(meters);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        ProcessedEvents processed = new ProcessedEvents(jdbc, new DataSourceTransactionManager(dataSource));
        StreamDefinition definition = new StreamDefinition(stream, concurrency, 1, batch);
        MessagingProperties settings = MessagingProperties.defaults(GROUP).withReading(Math.max(batch, 100), Duration.ofMillis(100), 0);
        redis.ensureGroup(stream, GROUP);
        List<StreamConsumer> running = new ArrayList<>();
        try {
            for (int c = 0; c < consumers; c++) {
                EventSubscription<TokenScored> subscription = switch (mode) {
                    case ROW_PER_EVENT -> EventSubscription.of(definition, TokenScored.class, event -> {
                        jdbc.update("INSERT INTO effect (address, score, event_id) VALUES (?, ?, ?)",
                                event.payload().address(), event.payload().score(), event.envelope().id());
                        endToEnd.record(Duration.between(event.envelope().occurredAt(), Instant.now()));
                    });
                    case BATCH_INSERT -> EventSubscription.batch(definition, TokenScored.class, events -> {
                        jdbc.batchUpdate("INSERT INTO effect (address, score, event_id) VALUES (?, ?, ?)", events.stream()
                                .map(event -> new Object[] {event.payload().address(), event.payload().score(),
                                        event.envelope().id()}).toList());
                        Instant now = Instant.now();
                        events.forEach(event -> endToEnd.record(Duration.between(event.envelope().occurredAt(), now)));
                    });
                    case NOTHING -> EventSubscription.of(definition, TokenScored.class,
                            event -> endToEnd.record(Duration.between(event.envelope().occurredAt(), Instant.now())));
                };
                StreamConsumer consumer = new StreamConsumer(redis, settings, List.of(subscription), processed,
                        Envelopes.standalone(GROUP), meters, new StreamConsumer.Listener() {
                }, new SplittableRandom(c));
                consumer.start();
                running.add(consumer);
            }
            EventPublisher publisher = new EventPublisher(redis, Envelopes.standalone("bench-producer"), 1_000_000, meters);
            long started = System.nanoTime();
            publish(publisher, stream, count);
            Counter processedCounter = meters.find("kaizen.messaging.processed").counter();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
            while (processedCounter == null || processedCounter.count() < count
                    || redis.sync().xpending(stream, GROUP).getCount() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Consumers did not finish within 10 minutes");
                }
                Thread.sleep(2);
                processedCounter = meters.find("kaizen.messaging.processed").counter();
            }
            double rate = rate(count, started);
            Timer handler = meters.find(mode == Handler.BATCH_INSERT ? "kaizen.messaging.handler.batch"
                    : "kaizen.messaging.handler").timer();
            Long applied = jdbc.queryForObject(mode != Handler.NOTHING
                    ? "SELECT count(*) FROM effect WHERE event_id IN (SELECT event_id FROM processed_event WHERE stream = ?)"
                    : "SELECT count(*) FROM processed_event WHERE stream = ?", Long.class, stream);
            if (applied == null || applied != count) {
                throw new IllegalStateException("Expected " + count + " effects, found " + applied);
            }
            return new Throughput(rate, percentile(handler, 0.5), percentile(handler, 0.99),
                    percentile(endToEnd, 0.5), percentile(endToEnd, 0.99));
        } finally {
            running.forEach(StreamConsumer::close);
            redis.sync().del(stream);
        }
    }

    private static double percentile(Timer timer, double percentile) {
        for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
            if (Math.abs(value.percentile() - percentile) < 1e-9) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return Double.NaN;
    }

    private static double rate(int count, long startedNanos) {
        return count / ((System.nanoTime() - startedNanos) / 1e9);
    }

    // ---------------------------------------------------------------- infrastructure

    private void setUp() throws Exception {
        Migrator.ensureDatabase(new DatabaseTarget(dbUrl, dbUser, dbPassword, true));
        schema = "bench_" + runId;
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema); // generated name: bench_ and hex digits only
            statement.execute("SET search_path TO " + schema);
            statement.execute(migration());
            statement.execute("CREATE TABLE effect (address text NOT NULL, score integer NOT NULL, event_id uuid NOT NULL)");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(dbUrl + (dbUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.setUsername(dbUser);
        config.setPassword(dbPassword);
        config.setMaximumPoolSize(Math.max(10, concurrency * 2 + 2));
        dataSource = new HikariDataSource(config);
        redis = RedisStreams.connect(redisUri, Duration.ofSeconds(10));
    }

    private static String migration() throws IOException {
        try (InputStream in = MessagingBench.class.getClassLoader().getResourceAsStream("db/migration/messaging/V2__messaging.sql")) {
            if (in == null) {
                throw new IllegalStateException("The messaging migration is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void tearDown() throws SQLException {
        if (redis != null) {
            redis.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        try (Connection connection = DriverManager.getConnection(dbUrl, dbUser, dbPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
