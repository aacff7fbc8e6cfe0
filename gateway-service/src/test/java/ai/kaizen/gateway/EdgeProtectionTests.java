package ai.kaizen.gateway;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EdgeProtectionTests extends GatewayTestSupport {

    private static final int ONE_MB = 1024 * 1024;

    @Test
    void securityHeadersAreOnEveryResponse() {
        String token = TestTokens.user(unique("headers"));
        List<HttpResponse<String>> responses = List.of(
                gateway.get("/api/users/me", GatewayClient.bearer(token)),
                gateway.get("/api/users/me"),
                gateway.get("/actuator/health"),
                gateway.get("/api/missing", GatewayClient.bearer(token)));
        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.allValues("X-Frame-Options")).as("status %s", response.statusCode()).containsExactly("DENY");
            assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(headers.firstValue("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
            assertThat(headers.firstValue("Content-Security-Policy")).get().asString()
                    .contains("default-src 'self'").contains("frame-ancestors 'none'");
            assertThat(headers.firstValue("Permissions-Policy")).isPresent();
        }
    }

    @Test
    void preflightFromAnAllowedOriginIsAnsweredWithoutToken() {
        String path = "/api/analysis/" + unique("preflight");
        HttpResponse<String> response = gateway.send("OPTIONS", path, HttpRequest.BodyPublishers.noBody(),
                "Origin", "http://localhost:3000",
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("http://localhost:3000");
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).get().asString().contains("POST");
        assertThat(Backends.ANALYSIS.requests(path)).isEmpty();

        HttpResponse<String> actual = gateway.get("/api/users/me",
                GatewayClient.bearer(TestTokens.user(unique("cors")), "Origin", "https://app.kaizen.example"));
        assertThat(actual.statusCode()).isEqualTo(200);
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.kaizen.example");
        assertThat(actual.headers().firstValue("Access-Control-Expose-Headers")).get().asString()
                .contains("X-Correlation-Id").contains("Retry-After");
    }

    @Test
    void disallowedOriginGetsNoCorsHeaders() {
        String path = "/api/analysis/" + unique("evil-preflight");
        HttpResponse<String> preflight = gateway.send("OPTIONS", path, HttpRequest.BodyPublishers.noBody(),
                "Origin", "https://evil.example",
                "Access-Control-Request-Method", "POST");
        assertThat(preflight.statusCode()).isEqualTo(403);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(preflight.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String actualPath = "/api/analysis/" + unique("evil-actual");
        HttpResponse<String> actual = gateway.get(actualPath,
                GatewayClient.bearer(TestTokens.user(unique("cors-evil")), "Origin", "https://evil.example"));
        assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(actual.statusCode()).isEqualTo(403);
        assertThat(Backends.ANALYSIS.requests(path)).isEmpty();
        assertThat(Backends.ANALYSIS.requests(actualPath)).isEmpty();
    }

    @Test
    void bodyOverOneMegabyteIsRejectedBeforeTheBackend() {
        String token = TestTokens.user(unique("big"));
        String path = "/api/analysis/" + unique("oversized");
        HttpResponse<String> response = gateway.send("POST", path,
                HttpRequest.BodyPublishers.ofByteArray(new byte[ONE_MB + 1]),
                GatewayClient.bearer(token, "Content-Type", "application/octet-stream"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Backends.ANALYSIS.requests(path)).isEmpty();
    }

    @Test
    void bodiesWithALengthAreForwardedWholeWhetherReadFirstOrStreamed() {
        String token = TestTokens.user(unique("bodies"));
        for (int size : new int[] {1, 102, 64 * 1024, 64 * 1024 + 1, 900 * 1024}) {
            String path = "/api/analysis/" + unique("body-" + size);
            String body = "{\"pad\":\"" + "k".repeat(Math.max(0, size - 10)) + "\"}";
            body = body.length() > size ? body.substring(0, size) : body;
            HttpResponse<String> response = gateway.send("POST", path, HttpRequest.BodyPublishers.ofString(body),
                    "Authorization", "Bearer " + token, "Content-Type", "application/json");
            assertThat(response.statusCode()).as("size %d", size).isEqualTo(200);
            FakeBackend.Recorded seen = Backends.ANALYSIS.requests(path).getFirst();
            assertThat(seen.body()).as("size %d", size).isEqualTo(body);
            assertThat(seen.headers().getFirst("Content-Length")).isEqualTo(Integer.toString(size));
        }
    }

    @Test
    void chunkedBodyOverTheLimitIsRejectedAndASmallOneIsForwardedWhole() {
        String token = TestTokens.user(unique("chunked"));
        String bigPath = "/api/analysis/" + unique("chunked-big");
        HttpResponse<String> big = gateway.send("POST", bigPath,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[ONE_MB + 4096])),
                GatewayClient.bearer(token, "Content-Type", "application/octet-stream"));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(Backends.ANALYSIS.requests(bigPath)).isEmpty();

        String smallPath = "/api/analysis/" + unique("chunked-small");
        HttpResponse<String> small = gateway.send("POST", smallPath,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream("x".repeat(10_000).getBytes())),
                GatewayClient.bearer(token, "Content-Type", "text/plain"));
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(Backends.ANALYSIS.requests(smallPath).getFirst().body()).hasSize(10_000);
    }
}
