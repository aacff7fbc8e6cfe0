package ai.kaizen.analysis.upstream;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The clients against local fake servers: timeouts, size limits, the circuit breaker, error replies passed on or
 * turned into "unavailable", and the API-key exchange of background work.
 */
class UpstreamClientsTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String FACTS = "{\"network\":\"devnet\",\"address\":\"0xAb\",\"coverage\":[]}";

    MockWebServer data;
    MockWebServer auth;

    @BeforeEach
    void start() throws IOException {
        data = new MockWebServer();
        data.start();
        auth = new MockWebServer();
        auth.start();
    }

    @AfterEach
    void stop() {
        data.close();
        auth.close();
    }

    @Test
    void factsAreReadWithTheUsersTokenForwarded() throws Exception {
        data.enqueue(json(200, FACTS));

        var facts = client(Duration.ofSeconds(2), 1 << 20, breaker(10)).facts("devnet", "0xAb", "standard",
                Credential.user("user-token"));

        assertThat(facts.path("network").asString()).isEqualTo("devnet");
        RecordedRequest request = data.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tokens/devnet/0xAb/facts");
        assertThat(request.getUrl().queryParameter("depth")).isEqualTo("standard");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer user-token");
    }

    @Test
    void aRefusedRequestIsPassedOnWithItsStatusAndDetail() {
        data.enqueue(json(422, "{\"title\":\"No contract code\",\"status\":422,\"detail\":\"no code at 0xAb\"}"));

        assertThatThrownBy(() -> client(Duration.ofSeconds(2), 1 << 20, breaker(10)).facts("devnet", "0xAb",
                "standard", Credential.user("t")))
                .isInstanceOfSatisfying(UpstreamRejectedException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.title()).isEqualTo("No contract code");
                    assertThat(e.getMessage()).isEqualTo("no code at 0xAb");
                });
    }

    @Test
    void serverErrorsTimeoutsAndOversizedRepliesMeanUnavailable() {
        data.enqueue(json(503, "{\"title\":\"Service Unavailable\",\"detail\":\"restarting\"}"));
        DataServiceClient client = client(Duration.ofMillis(300), 64, breaker(10));
        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessage("data-service unavailable: HTTP 503: restarting");

        data.enqueue(json(200, FACTS).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("no answer within 300 ms");

        data.enqueue(json(200, "{\"padding\":\"" + "x".repeat(200) + "\"}"));
        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("larger than 64 bytes");

        data.enqueue(json(200, "[1,2,3]"));
        assertThatThrownBy(() -> client(Duration.ofSeconds(2), 1 << 20, breaker(10)).facts("devnet", "0xAb", "quick",
                Credential.user("t"))).isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndThenItFailsFastWithoutCalling() {
        CircuitBreaker breaker = breaker(4);
        DataServiceClient client = client(Duration.ofSeconds(2), 1 << 20, breaker);
        for (int i = 0; i < 4; i++) {
            data.enqueue(json(500, "{}"));
            assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                    .isInstanceOf(UpstreamUnavailableException.class);
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("circuit breaker open");
        assertThat(data.getRequestCount()).isEqualTo(4);
    }

    @Test
    void refusedCredentialsAndMissingEndpointsMeanUnavailableNotTheCallersFault() {
        DataServiceClient client = client(Duration.ofSeconds(2), 1 << 20, breaker(10));
        data.enqueue(json(403, "{}"));
        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("refused our credentials");
        data.enqueue(json(404, "{}"));
        assertThatThrownBy(() -> client.facts("devnet", "0xAb", "quick", Credential.user("t")))
                .isInstanceOf(UpstreamUnavailableException.class).hasMessageContaining("no such endpoint");
    }

    @Test
    void backgroundWorkExchangesTheApiKeyOnceAndAgainAfterA401() throws Exception {
        auth.enqueue(json(200, "{\"accessToken\":\"service-1\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"));
        auth.enqueue(json(200, "{\"accessToken\":\"service-2\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"));
        ServiceCredentials credentials = credentials("the-key");
        DataServiceClient client = new DataServiceClient(http(data, Duration.ofSeconds(2), 1 << 20, breaker(10)),
                credentials, JSON);
        data.enqueue(json(200, FACTS));
        data.enqueue(json(200, FACTS));
        data.enqueue(json(401, "{}"));
        data.enqueue(json(200, FACTS));

        client.facts("devnet", "0xAb", "standard", Credential.SERVICE);
        client.facts("devnet", "0xAb", "standard", Credential.SERVICE);
        client.facts("devnet", "0xAb", "standard", Credential.SERVICE);

        assertThat(auth.getRequestCount()).isEqualTo(2);
        assertThat(auth.takeRequest().getHeaders().get("X-API-Key")).isEqualTo("the-key");
        assertThat(data.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer service-1");
        assertThat(data.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer service-1");
        assertThat(data.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer service-1");
        assertThat(data.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer service-2");
    }

    @Test
    void withoutAnApiKeyBackgroundWorkSaysWhatIsMissing() {
        ServiceCredentials none = credentials(null);
        assertThat(none.configured()).isFalse();
        assertThatThrownBy(none::token).isInstanceOf(MissingServiceCredentialException.class)
                .hasMessageContaining("KAIZEN_ANALYSIS_API_KEY");

        auth.enqueue(json(401, "{}"));
        assertThatThrownBy(credentials("revoked")::token).isInstanceOf(UpstreamUnavailableException.class)
                .hasMessageContaining("HTTP 401");
    }

    @Test
    void intelRepliesAreReadTolerantlyAndAnOutageIsAnAnswerNotAnException() {
        IntelClient.IntelReport report = IntelClient.read("0xDe", JSON.readTree("""
                {"labels":[{"label":"Tornado user","category":"mixer"},"plain label",{"name":"OFAC SDN",
                 "category":"Sanctions","source":"ofac"},{"nonsense":true}],
                 "funding":{"mixerFunded":true},"deployer":{"tokensDeployed":7,"rugPulls":2,"honeypots":1}}"""));
        assertThat(report.labels()).extracting(IntelClient.Label::name).containsExactly("Tornado user", "plain label",
                "OFAC SDN");
        assertThat(report.sanctioned()).isTrue();
        assertThat(report.mixerFunded()).isTrue();
        assertThat(report.previousRugs()).isEqualTo(3);
        assertThat(report.tokensDeployed()).isEqualTo(7);

        MockWebServer intel = data;
        intel.enqueue(json(503, "{}"));
        IntelClient client = new IntelClient(http(intel, Duration.ofSeconds(2), 1 << 20, breaker(10)),
                credentials(null), JSON);
        assertThat(client.address("devnet", "0xDe", Credential.user("t")))
                .isEqualTo(new IntelClient.Answer.Unavailable("intel-service unavailable: HTTP 503"));
    }

    @Test
    void socialFiguresAreNeverInvented() {
        assertThat(SocialClient.read(JSON.readTree("{\"sentiment\":0.9,\"mentions24h\":3}")).collected())
                .as("without collected: true there is nothing").isFalse();
        SocialClient.SocialSummary summary = SocialClient.read(JSON.readTree(
                "{\"collected\":true,\"sentimentScore\":-0.5,\"mentions24h\":12,\"manipulationRisk\":7}"));
        assertThat(summary.sentiment()).as("−1…1 on the 0–1 scale").isEqualTo(0.25);
        assertThat(summary.mentions24h()).isEqualTo(12);
        assertThat(summary.manipulationRisk()).as("out of range").isNull();
    }

    private DataServiceClient client(Duration timeout, long maxBytes, CircuitBreaker breaker) {
        return new DataServiceClient(http(data, timeout, maxBytes, breaker), credentials(null), JSON);
    }

    private static UpstreamHttp http(MockWebServer server, Duration timeout, long maxBytes, CircuitBreaker breaker) {
        return new UpstreamHttp("data-service".equals(breaker.getName()) ? "data-service" : breaker.getName(),
                URI.create(server.url("/").toString()), Duration.ofSeconds(1), timeout, maxBytes, breaker);
    }

    private ServiceCredentials credentials(String key) {
        UpstreamProperties.Auth settings = new UpstreamProperties.Auth(URI.create(auth.url("/").toString()), key,
                Duration.ofSeconds(2));
        return new ServiceCredentials(new UpstreamHttp("auth-service", settings.url(), Duration.ofSeconds(1),
                Duration.ofSeconds(2), 1 << 16, breaker(10)), settings, JSON, Clock.systemUTC());
    }

    private static CircuitBreaker breaker(int window) {
        return CircuitBreaker.of("data-service", CircuitBreakerConfig.custom().slidingWindowSize(window)
                .minimumNumberOfCalls(window).failureRateThreshold(50).waitDurationInOpenState(Duration.ofMinutes(1))
                .build());
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build();
    }
}
