package ai.kaizen.gateway;

import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Timeouts, retries and breakers. Each test uses its own service so one breaker's state cannot leak into another test. */
class ResilienceTests extends GatewayTestSupport {

    @Autowired
    CircuitBreakerRegistry breakers;

    /** The context is shared with other test classes: leave every breaker closed. */
    @AfterEach
    void closeBreakers() {
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
    }

    @Test
    void slowBackendTimesOutWithGatewayTimeout() {
        String path = "/api/tokens/" + unique("slow");
        HttpResponse<String> response = gateway.get(path, GatewayClient.bearer(TestTokens.user(unique("patient"))));
        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("data-service did not answer in time");
    }

    @Test
    void getIsRetriedAfterAnUnavailableAnswer() {
        String path = "/api/social/" + unique("flaky");
        HttpResponse<String> response = gateway.get(path, GatewayClient.bearer(TestTokens.user(unique("reader"))));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Backends.SOCIAL.requests(path)).hasSize(2);
    }

    @Test
    void postIsNeverRetried() {
        String path = "/api/social/" + unique("flaky");
        HttpResponse<String> response = gateway.post(path, "{\"text\":\"once\"}",
                GatewayClient.bearer(TestTokens.user(unique("writer"))));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("social-service is unavailable");
        assertThat(Backends.SOCIAL.requests(path)).hasSize(1);
    }

    @Test
    void failingBackendOpensTheBreaker() {
        String token = TestTokens.user(unique("breaker"));
        String prefix = "/api/intel/" + unique("unavailable");
        for (int i = 0; i < 6; i++) {
            gateway.post(prefix + "/" + i, "{}", GatewayClient.bearer(token));
        }
        int callsWhenOpen = Backends.INTEL.requests(prefix).size();

        HttpResponse<String> rejected = gateway.post(prefix + "/after", "{}", GatewayClient.bearer(token));
        assertThat(rejected.statusCode()).isEqualTo(503);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(rejected.body()).contains("intel-service is temporarily unavailable (circuit open)");
        assertThat(Backends.INTEL.requests(prefix)).hasSize(callsWhenOpen);
        assertThat(callsWhenOpen).isLessThan(6);
    }
}
