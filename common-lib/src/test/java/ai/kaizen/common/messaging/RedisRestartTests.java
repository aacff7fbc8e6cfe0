package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Redis of the test's own (never the shared one on 6379) is killed mid-consumption and started
 * again on the same port. It runs like the project's Redis, without persistence, so it comes back
 * empty: streams, groups and pending entries are gone. "Acknowledged to a producer" therefore means
 * committed to PostgreSQL through the transactional outbox; the relay notices the new Redis run and
 * publishes again what it had sent to the old one, the consumer recreates its group by itself, and
 * the idempotency records drop what was already applied.
 */
class RedisRestartTests {

    private static final String GROUP = "restart-tests";
    private static final int EVENTS = 1000;

    private TestInfra.Schema schema;
    private int port;
    private Process redisServer;

    @BeforeEach
    void setUp() throws Exception {
        schema = TestInfra.schema("restart");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        redisServer = startRedis();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (redisServer != null) {
            redisServer.destroyForcibly();
            redisServer.waitFor(10, TimeUnit.SECONDS);
        }
        schema.close();
    }

    private Process startRedis() throws Exception {
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--daemonize", "no")
                .redirectErrorStream(true).redirectOutput(Path.of("target", "restart-redis.log").toFile()).start();
        Await.until("redis-server on port " + port + " answers", Duration.ofSeconds(20), this::pong);
        return process;
    }

    private boolean pong() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = new byte[7];
            int read = in.read(reply);
            return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long distinctEffects() {
        return schema.count("SELECT count(DISTINCT job) FROM effect");
    }

    @Test
    void consumersAndRelayResumeByThemselvesAndNothingCommittedIsLost() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        String stream = "restart:events";
        try (RedisStreams redis = RedisStreams.connect("redis://127.0.0.1:" + port, Duration.ofSeconds(2))) {
            Outbox outbox = new Outbox(schema.jdbc(), Envelopes.standalone("restart-producer"));
            OutboxRelay relay = new OutboxRelay(schema.jdbc(), schema.transactions(), redis,
                    new EventPublisher(redis, outbox.envelopes(), 100_000, meters),
                    new MessagingProperties.Outbox(true, Duration.ofMillis(50), 200, Duration.ofDays(1), Duration.ofHours(1)),
                    meters);
            outbox.afterCommit(relay::wakeUp);
            StreamConsumer consumer = new StreamConsumer(redis, MessagingProperties.defaults(GROUP)
                    .withReading(100, Duration.ofMillis(200), 0),
                    List.of(EventSubscription.of(new StreamDefinition(stream, 2, 1, 20), Job.class, event -> {
                        schema.jdbc().update("INSERT INTO effect (job, event_id) VALUES (?, ?)", event.payload().name(),
                                event.envelope().id());
                        Thread.sleep(1);
                    })),
                    schema.processedEvents(), Envelopes.standalone(GROUP), meters, new StreamConsumer.Listener() {
            }, new SplittableRandom(5));
            relay.start();
            consumer.start();

            TransactionTemplate transaction = new TransactionTemplate(schema.transactions());
            AtomicInteger committed = new AtomicInteger();
            CountDownLatch restarted = new CountDownLatch(1);
            Thread producer = Thread.ofPlatform().start(() -> {
                for (int batch = 0; batch < EVENTS / 10; batch++) {
                    if (batch == EVENTS / 20) {
                        awaitQuietly(restarted); // half the events go in before the restart, half after
                    }
                    int first = batch * 10;
                    transaction.executeWithoutResult(status -> {
                        for (int i = first; i < first + 10; i++) {
                            outbox.add(stream, "job-" + i, new Job("job-" + i));
                        }
                    });
                    committed.addAndGet(10);
                    try {
                        Thread.sleep(15);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });

            Await.until("consumption under way", () -> distinctEffects() >= 200 || committed.get() == EVENTS / 2);
            redisServer.destroyForcibly(); // SIGKILL mid-consumption
            redisServer.waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(500); // Redis stays down a moment: the relay and the consumer fail and back off
            redisServer = startRedis();
            assertThat(committed.get()).as("the producer was still committing across the restart").isLessThan(EVENTS);
            restarted.countDown();

            producer.join();
            assertThat(committed.get()).isEqualTo(EVENTS);
            Await.until("every committed event applied", () -> distinctEffects() == EVENTS
                    && schema.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
            Await.until("the recreated group has nothing pending", () -> {
                try {
                    return redis.sync().xpending(stream, GROUP).getCount() == 0;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
            assertThat(schema.count("SELECT count(*) FROM effect")).isEqualTo(EVENTS);
            assertThat(meters.find("kaizen.messaging.outbox.republished").counter().count()).isPositive();
            consumer.close();
            relay.close();
        }
    }
}
