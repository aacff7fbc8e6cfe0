package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import ai.kaizen.common.messaging.admin.StreamAdminController;
import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import io.lettuce.core.Range;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A servlet service wired by auto-configuration alone: consumer of its subscription beans, outbox and
 * relay, scheduled cleanup jobs, metrics, and the ADMIN-only stream endpoint with dead-letter replay.
 */
@SpringBootTest(classes = MessagingAutoConfigurationTests.Service.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=autoconfig-tests",
                "kaizen.messaging.max-deliveries=2",
                "kaizen.messaging.backoff.base=20ms",
                "kaizen.messaging.backoff.max=50ms",
                "kaizen.messaging.block-time=200ms",
                "kaizen.messaging.metrics-interval=200ms"})
class MessagingAutoConfigurationTests {

    static final String STREAM = TestInfra.uniqueKey("admin");
    static final String GROUP = "autoconfig-tests";
    static final AtomicBoolean POISONOUS = new AtomicBoolean(true);
    static TestInfra.Schema schema;
    static List<AutoCloseable> stopFirst = List.of();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        schema = TestInfra.schema("autoconfig");
        registry.add("spring.datasource.url", () -> TestInfra.jdbcUrl(schema.name()));
        registry.add("spring.datasource.username", () -> TestDatabase.USER);
        registry.add("spring.datasource.password", () -> TestDatabase.PASSWORD);
        TestTokens.register(registry);
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Service {

        @Bean
        EventSubscription<Job> jobs(JdbcTemplate jdbc) {
            return EventSubscription.of(StreamDefinition.of(STREAM, 2, 1), Job.class, event -> {
                if (POISONOUS.get() && event.payload().name().equals("poison")) {
                    throw new IllegalArgumentException("poison is not accepted today");
                }
                jdbc.update("INSERT INTO effect (job, event_id) VALUES (?, ?)", event.payload().name(), event.envelope().id());
            });
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    Outbox outbox;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    RedisStreams redis;
    @Autowired
    MeterRegistry meters;
    @Autowired
    StreamConsumer consumer;
    @Autowired
    OutboxRelay relay;
    @Autowired
    JobScheduler scheduler;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void cleanUp() throws Exception {
        for (AutoCloseable closeable : stopFirst) {
            closeable.close();
        }
        if (!stopFirst.isEmpty()) {
            RedisStreams redis = TestInfra.redis();
            redis.sync().del(STREAM, StreamDefinition.deadLetterKey(STREAM, GROUP));
            redis.sync().xgroupDestroy(Queues.CLEANUP.key(), GROUP);
            redis.close();
        }
        schema.close();
    }

    private HttpResponse<String> get(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/streams"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> replay(String token, String stream, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/streams/" + stream
                        + "/dead-letters/" + id + "/replay")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String admin() {
        return TestTokens.token("operator", TestTokens.AUDIENCE, Map.of("roles", List.of("USER", "ADMIN"), "tier", "pro"), 900);
    }

    private long effects(String job) {
        return schema.count("SELECT count(*) FROM effect WHERE job = ?", job);
    }

    @Test
    void aServletServiceGetsTheWholeBackboneAndOperatorsCanReplayDeadLetters() throws Exception {
        stopFirst = List.of(consumer, relay, scheduler);
        assertThat(consumer.group()).isEqualTo(GROUP);
        assertThat(consumer.streams()).extracting(StreamDefinition::key).containsExactly(STREAM, Queues.CLEANUP.key());

        // Cleanup tasks of the messaging tables are scheduled by cron in the service's own schema.
        assertThat(scheduler.jobs()).extracting(JobScheduler.ScheduledJob::name)
                .containsExactlyInAnyOrder("cleanup:autoconfig-tests:outbox-sent", "cleanup:autoconfig-tests:processed-events");

        // The outbox relay is woken by the commit and the consumer applies the event.
        transaction.executeWithoutResult(status -> outbox.add(STREAM, "o", new Job("via-outbox")));
        publisher.publish(STREAM, "p", new Job("poison"));
        publisher.publish(STREAM, "f", new Job("fine"));
        String deadLetters = StreamDefinition.deadLetterKey(STREAM, GROUP);
        Await.until("the poison is dead-lettered, the others applied", () -> redis.sync().xlen(deadLetters) == 1
                && effects("fine") == 1 && effects("via-outbox") == 1);

        assertThat(get(null).statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = get(TestTokens.user("someone"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(json.readTree(forbidden.body()).get("detail").asString()).contains("ADMIN");

        Await.until("the gauges caught up", () -> {
            var gauge = meters.find("kaizen.messaging.dead.letters").tag("stream", STREAM).gauge();
            return gauge != null && gauge.value() == 1;
        });
        HttpResponse<String> listing = get(admin());
        assertThat(listing.statusCode()).isEqualTo(200);
        JsonNode body = json.readTree(listing.body());
        assertThat(body.get("service").asString()).isEqualTo(GROUP);
        JsonNode mine = null;
        for (JsonNode stream : body.get("streams")) {
            if (stream.get("state").get("stream").asString().equals(STREAM)) {
                mine = stream;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("consumed").asBoolean()).isTrue();
        assertThat(mine.get("state").get("length").asLong()).isEqualTo(3);
        JsonNode group = mine.get("state").get("groups").get(0);
        assertThat(group.get("name").asString()).isEqualTo(GROUP);
        assertThat(group.get("lag").asLong()).isZero();
        assertThat(group.get("pending").asLong()).isZero();
        assertThat(group.get("deadLetters").asLong()).isEqualTo(1);
        assertThat(group.get("consumers").get(0).get("name").asString()).isEqualTo(consumer.consumerName());
        JsonNode letter = mine.get("deadLetters").get(0);
        assertThat(letter.get("reason").asString()).contains("poison is not accepted today");
        assertThat(letter.get("deliveries").asLong()).isEqualTo(2);
        String letterId = letter.get("id").asString();

        assertThat(replay(admin(), STREAM, "not-an-id").statusCode()).isEqualTo(400);
        assertThat(replay(admin(), "someone-elses-stream", letterId).statusCode()).isEqualTo(404);
        assertThat(replay(admin(), STREAM, "1-0").statusCode()).isEqualTo(404);
        assertThat(replay(TestTokens.user("someone"), STREAM, letterId).statusCode()).isEqualTo(403);
        assertThat(effects("poison")).isZero();

        POISONOUS.set(false); // the operator fixed what made it fail
        HttpResponse<String> replayed = replay(admin(), STREAM, letterId);
        assertThat(replayed.statusCode()).isEqualTo(202);
        assertThat(json.readTree(replayed.body()).get("deadLetterId").asString()).isEqualTo(letterId);
        Await.until("the replayed event is applied", () -> effects("poison") == 1);
        assertThat(redis.sync().xrange(deadLetters, Range.create("-", "+"))).isEmpty();
        assertThat(meters.find("kaizen.messaging.dead.lettered").tag("stream", STREAM).counter().count()).isEqualTo(1);
        assertThat(meters.find("kaizen.messaging.handler").tag("stream", STREAM).timer().count()).isGreaterThanOrEqualTo(5);
        assertThat(meters.find("kaizen.messaging.lag").tag("stream", STREAM).gauge()).isNotNull();
        assertThat(meters.find("kaizen.messaging.pending").tag("stream", STREAM).gauge()).isNotNull();
    }

    @Test
    void aNonServletApplicationGetsNoAdminEndpointAndNothingWithoutRedis() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration.class,
                        MessagingAutoConfiguration.class, ai.kaizen.common.messaging.admin.StreamAdminAutoConfiguration.class))
                .withPropertyValues("spring.application.name=plain", "kaizen.messaging.cleanup.enabled=false")
                .run(context -> {
                    assertThat(context).hasSingleBean(EventPublisher.class).hasSingleBean(StreamConsumer.class)
                            .doesNotHaveBean(StreamAdminController.class).doesNotHaveBean(Outbox.class);
                });
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingAutoConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(EventPublisher.class));
    }
}
