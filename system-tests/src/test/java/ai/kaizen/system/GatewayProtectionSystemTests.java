package ai.kaizen.system;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway does for every caller: headers, body limit, rate limits. */
class GatewayProtectionSystemTests {

    @Test
    void securityHeadersArePresentOnEveryResponse() {
        for (HttpResponse<String> response : new HttpResponse[] {
                Gateway.get("/.well-known/jwks.json", null), Gateway.get("/api/auth/me", null)}) {
            var headers = response.headers();
            assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Strict-Transport-Security").orElse("")).contains("max-age=");
            assertThat(headers.firstValue("Content-Security-Policy").orElse("")).contains("default-src");
            assertThat(headers.firstValue("X-Correlation-Id")).isPresent();
        }
    }

    @Test
    void bodiesOverOneMegabyteAreRejected() {
        String big = "{\"email\":\"" + "a".repeat(1_100_000) + "@example.org\",\"password\":\"x\"}";
        HttpResponse<String> response = Gateway.postRaw("/api/auth/register", big, null);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void aUserOverTheRateLimitGets429ThenRecovers() throws Exception {
        String access = Gateway.register().path("accessToken").asString();
        HttpResponse<String> limited = null;
        for (int i = 0; i < 300 && limited == null; i++) {
            HttpResponse<String> response = Gateway.get("/api/auth/me", access);
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("no 429 within 300 requests").isNotNull();
        assertThat(limited.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);

        Thread.sleep(retryAfter * 1000 + 250);
        assertThat(Gateway.get("/api/auth/me", access).statusCode()).isEqualTo(200);
    }

    @Test
    void registrationRejectsMalformedInputWithAProblemDetail() {
        HttpResponse<String> response = Gateway.post("/api/auth/register",
                Map.of("email", "not-an-email", "password", "short"), null);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }
}
