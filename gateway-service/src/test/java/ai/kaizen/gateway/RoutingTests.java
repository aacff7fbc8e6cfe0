package ai.kaizen.gateway;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTests extends GatewayTestSupport {

    @Autowired
    HttpClient backendClient;

    @Test
    void backendConnectionsWriteARequestHeadTogetherWithItsBody() {
        List<String> handlers = backendClient.get().uri(Backends.USER.url() + "/api/users/" + unique("pipeline"))
                .responseConnection((response, connection) -> Mono.just(connection.channel().pipeline().names()))
                .blockFirst(Duration.ofSeconds(10));

        assertThat(handlers).containsSubsequence(NettyPipeline.HttpCodec, "kaizen.requestHeadCoalescing");
    }

    @Test
    void everyPrefixReachesItsService() {
        String token = TestTokens.user(unique("router"));
        Map<String, FakeBackend> routes = Map.ofEntries(
                Map.entry("/api/auth/me", Backends.AUTH),
                Map.entry("/api/users/me", Backends.USER),
                Map.entry("/api/watchlists/w1", Backends.USER),
                Map.entry("/api/analysis/jobs/1", Backends.ANALYSIS),
                Map.entry("/api/tokens/0xabc", Backends.DATA),
                Map.entry("/api/social/signals", Backends.SOCIAL),
                Map.entry("/api/intel/wallets/0x1", Backends.INTEL),
                Map.entry("/api/chat/conversations", Backends.CHAT),
                Map.entry("/api/notifications/inbox", Backends.NOTIFICATION));
        routes.forEach((path, backend) -> {
            String marked = path + "?probe=" + unique("route");
            HttpResponse<String> response = gateway.get(marked, GatewayClient.bearer(token));
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(backend.requests(marked)).as(path).hasSize(1);
        });
    }

    @Test
    void jwksIsPublicAndServedByAuth() {
        HttpResponse<String> jwks = gateway.get("/.well-known/jwks.json");
        assertThat(jwks.statusCode()).isEqualTo(200);
        assertThat(jwks.body()).contains("\"service\":\"auth-service\"");
    }

    @Test
    void identityHeadersNeverReachTheBackendButTheTokenDoes() {
        String token = TestTokens.user(unique("honest"));
        String path = "/api/users/" + unique("profile");
        HttpResponse<String> response = gateway.get(path, GatewayClient.bearer(token,
                "X-User-Id", "someone-else",
                "X-User-Email", "admin@kaizen.example",
                "X-User-Roles", "ADMIN",
                "X-User-Tier", "enterprise",
                "X-Authenticated-User", "admin",
                "X-Forwarded-User", "admin",
                "X-Remote-User", "admin",
                "X-Auth-Request-User", "admin",
                "X-Auth-Request-Email", "admin@kaizen.example",
                "X-API-Key", "kz_should_not_travel"));
        assertThat(response.statusCode()).isEqualTo(200);

        FakeBackend.Recorded seen = Backends.USER.requests(path).getFirst();
        for (String header : List.of("X-User-Id", "X-User-Email", "X-User-Roles", "X-User-Tier",
                "X-Authenticated-User", "X-Forwarded-User", "X-Remote-User", "X-Auth-Request-User",
                "X-Auth-Request-Email", "X-API-Key")) {
            assertThat(seen.headers().containsHeader(header)).as(header).isFalse();
        }
        assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void backendSeesOneClientAddressNotTheClientsClaim() {
        String path = "/api/users/" + unique("forwarded");
        // The test connects from 127.0.0.1, configured as a trusted proxy: the right-most untrusted hop wins.
        gateway.get(path, GatewayClient.bearer(TestTokens.user(unique("fwd")),
                "X-Forwarded-For", "6.6.6.6, 203.0.113.9", "X-Real-IP", "6.6.6.6", "Forwarded", "for=6.6.6.6"));
        FakeBackend.Recorded seen = Backends.USER.requests(path).getFirst();
        assertThat(seen.headers().get("X-Real-IP")).containsExactly("203.0.113.9");
        assertThat(seen.headers().containsHeader("X-Forwarded-For")).isFalse();
        assertThat(seen.headers().containsHeader("Forwarded")).isFalse();
    }

    @Test
    void correlationIdIsGeneratedOrKeptAndSentBothWays() {
        String token = TestTokens.user(unique("corr"));
        String generatedPath = "/api/users/" + unique("generated");
        HttpResponse<String> generated = gateway.get(generatedPath, GatewayClient.bearer(token));
        String id = generated.headers().firstValue("X-Correlation-Id").orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(Backends.USER.requests(generatedPath).getFirst().headers().getFirst("X-Correlation-Id")).isEqualTo(id);

        String keptPath = "/api/users/" + unique("kept");
        HttpResponse<String> kept = gateway.get(keptPath, GatewayClient.bearer(token, "X-Correlation-Id", "client-trace-0001"));
        assertThat(kept.headers().firstValue("X-Correlation-Id")).hasValue("client-trace-0001");
        assertThat(Backends.USER.requests(keptPath).getFirst().headers().getFirst("X-Correlation-Id"))
                .isEqualTo("client-trace-0001");

        HttpResponse<String> malformed = gateway.get("/api/users/" + unique("bad"),
                GatewayClient.bearer(token, "X-Correlation-Id", "<script>"));
        assertThat(malformed.headers().firstValue("X-Correlation-Id")).get().asString().matches("[0-9a-f-]{36}");

        HttpResponse<String> problem = gateway.get("/api/users/x", "X-Correlation-Id", "client-trace-0002");
        assertThat(problem.statusCode()).isEqualTo(401);
        assertThat(problem.headers().firstValue("X-Correlation-Id")).hasValue("client-trace-0002");
        assertThat(problem.body()).contains("\"correlationId\":\"client-trace-0002\"");
    }
}
