package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import ai.kaizen.common.messaging.cleanup.CleanupJobs;
import ai.kaizen.common.messaging.cleanup.CleanupRequest;
import ai.kaizen.common.messaging.cleanup.CleanupTask;
import ai.kaizen.common.messaging.cleanup.MessagingTablesCleanup;
import ai.kaizen.common.messaging.cleanup.RedisKeyCleanup;
import ai.kaizen.common.messaging.cleanup.SqlRetentionCleanup;
import ai.kaizen.common.messaging.cleanup.TempFileCleanup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cleanup jobs: parameterized SQL, SCAN over Redis keys, old temp files, dispatch from the cleanup queue. */
class CleanupTests {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private TestInfra.Schema schema;
    private RedisStreams redis;
    private String prefix;

    @BeforeEach
    void setUp() {
        schema = TestInfra.schema("cleanup");
        redis = TestInfra.redis();
        prefix = TestInfra.uniqueKey("cache");
    }

    @AfterEach
    void tearDown() {
        redis.sync().del(prefix + ":a", prefix + ":b", prefix + ":c", prefix + "-other");
        redis.close();
        schema.close();
    }

    private void analysis(String name, Duration age) {
        schema.jdbc().update("INSERT INTO analysis_result (name, created_at) VALUES (?, ?)", name,
                OffsetDateTime.ofInstant(NOW.minus(age), ZoneOffset.UTC));
    }

    @Test
    void sqlRetentionDeletesOnlyRowsOlderThanTheCutoffInSlices() throws Exception {
        schema.jdbc().execute("CREATE TABLE analysis_result (id bigserial PRIMARY KEY, name text, created_at timestamptz)");
        for (int i = 0; i < 25; i++) {
            analysis("old-" + i, Duration.ofDays(40));
        }
        analysis("recent", Duration.ofDays(2));
        analysis("'; DROP TABLE analysis_result; --", Duration.ofDays(1));
        CleanupTask oldAnalyses = new SqlRetentionCleanup("old-analyses", schema.jdbc(), """
                DELETE FROM analysis_result WHERE id IN (
                    SELECT id FROM analysis_result WHERE created_at < ? LIMIT 10)""", Duration.ofDays(30), 10, clock);

        assertThat(oldAnalyses.run(Duration.ofDays(30))).isEqualTo(25);
        assertThat(schema.jdbc().queryForList("SELECT name FROM analysis_result ORDER BY id", String.class))
                .containsExactly("recent", "'; DROP TABLE analysis_result; --");
        assertThat(oldAnalyses.run(Duration.ofHours(36))).isEqualTo(1);
        assertThatThrownBy(() -> new SqlRetentionCleanup("bad", schema.jdbc(), "DELETE FROM analysis_result",
                Duration.ofDays(1), 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void messagingTablesForgetOldSentRowsAndIdempotencyRecords() throws Exception {
        OffsetDateTime old = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(20)), ZoneOffset.UTC);
        OffsetDateTime fresh = OffsetDateTime.ofInstant(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String insert = """
                INSERT INTO outbox_event (id, stream, type, version, event_key, producer, occurred_at, traceparent, payload, sent_at)
                VALUES (?, 's', 't', 1, 'k', 'p', ?, '', '{}'::jsonb, ?)""";
        schema.jdbc().update(insert, UUID.randomUUID(), old, old);
        schema.jdbc().update(insert, UUID.randomUUID(), old, null); // old but never sent: must stay
        schema.jdbc().update(insert, UUID.randomUUID(), fresh, fresh);
        schema.jdbc().update("INSERT INTO processed_event (consumer_group, event_id, stream, processed_at) VALUES ('g', ?, 's', ?)",
                UUID.randomUUID(), old);
        schema.jdbc().update("INSERT INTO processed_event (consumer_group, event_id, stream, processed_at) VALUES ('g', ?, 's', ?)",
                UUID.randomUUID(), fresh);

        assertThat(MessagingTablesCleanup.outboxSent(schema.jdbc(), Duration.ofDays(7), clock).run(Duration.ofDays(7))).isEqualTo(1);
        assertThat(MessagingTablesCleanup.processedEvents(schema.jdbc(), Duration.ofDays(14), clock).run(Duration.ofDays(14))).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM outbox_event")).isEqualTo(2);
        assertThat(schema.count("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL")).isEqualTo(1);
        assertThat(schema.count("SELECT count(*) FROM processed_event")).isEqualTo(1);
    }

    @Test
    void redisCleanupScansForKeysThatWouldNeverExpire() {
        redis.sync().set(prefix + ":a", "no ttl");
        redis.sync().set(prefix + ":b", "no ttl either");
        redis.sync().setex(prefix + ":c", 600, "expires by itself");
        redis.sync().set(prefix + "-other", "another prefix");
        RedisKeyCleanup cleanup = new RedisKeyCleanup("expired-cache", redis, List.of(prefix + ":*"), Duration.ofHours(1));

        assertThat(cleanup.run(Duration.ofHours(1))).as("keys touched just now are kept").isZero();
        assertThat(cleanup.run(Duration.ZERO)).isEqualTo(2);
        assertThat(redis.sync().exists(prefix + ":a", prefix + ":b")).isZero();
        assertThat(redis.sync().exists(prefix + ":c", prefix + "-other")).isEqualTo(2);
        assertThatThrownBy(() -> new RedisKeyCleanup("all", redis, List.of("*"), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tempFileCleanupRemovesOnlyOldFilesInsideItsDirectory(@TempDir Path directory) throws Exception {
        Path old = Files.writeString(directory.resolve("old.tmp"), "x");
        Files.setLastModifiedTime(old, FileTime.from(NOW.minus(Duration.ofDays(3))));
        Path nested = Files.createDirectories(directory.resolve("nested"));
        Path oldNested = Files.writeString(nested.resolve("old2.tmp"), "x");
        Files.setLastModifiedTime(oldNested, FileTime.from(NOW.minus(Duration.ofDays(3))));
        Path recent = Files.writeString(directory.resolve("recent.tmp"), "x");
        Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofHours(1))));

        TempFileCleanup cleanup = new TempFileCleanup("temp-files", directory, Duration.ofDays(1), clock);
        assertThat(cleanup.run(Duration.ofDays(1))).isEqualTo(2);
        assertThat(Files.exists(old)).isFalse();
        assertThat(Files.exists(oldNested)).isFalse();
        assertThat(Files.exists(recent)).isTrue();
        assertThat(new TempFileCleanup("none", directory.resolve("missing"), Duration.ofDays(1), clock).run(Duration.ZERO)).isZero();
    }

    @Test
    void cleanupRequestsRunTheAddressedTaskOfThisServiceOnly() throws Exception {
        List<Duration> runs = new java.util.concurrent.CopyOnWriteArrayList<>();
        CleanupTask task = new CleanupTask() {
            public String name() {
                return "old-analyses";
            }

            public Duration defaultRetention() {
                return Duration.ofDays(30);
            }

            public long run(Duration olderThan) {
                runs.add(olderThan);
                return 3;
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CleanupJobs jobs = new CleanupJobs("analysis-service", List.of(task), meters);
        EventEnvelope envelope = Envelopes.standalone("x").create("k", new CleanupRequest("analysis-service", "old-analyses", null));

        jobs.handle(new ReceivedEvent<>(envelope, new CleanupRequest("analysis-service", "old-analyses", null), "queue:cleanup", "1-0", 1));
        jobs.handle(new ReceivedEvent<>(envelope, new CleanupRequest("analysis-service", "old-analyses", Duration.ofDays(7)), "queue:cleanup", "1-1", 1));
        jobs.handle(new ReceivedEvent<>(envelope, new CleanupRequest("user-service", "old-analyses", null), "queue:cleanup", "1-2", 1));
        assertThat(runs).containsExactly(Duration.ofDays(30), Duration.ofDays(7));
        assertThat(meters.find("kaizen.messaging.cleanup.removed").tag("task", "old-analyses").counter().count()).isEqualTo(6);
        assertThatThrownBy(() -> jobs.handle(new ReceivedEvent<>(envelope,
                new CleanupRequest("analysis-service", "nonsense", null), "queue:cleanup", "1-3", 1)))
                .hasMessageContaining("Unknown cleanup task 'nonsense'");
        assertThat(jobs.subscription().stream()).isEqualTo(Queues.CLEANUP);
    }
}
