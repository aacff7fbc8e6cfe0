package ai.kaizen.gateway;

import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayApplicationTests extends GatewayTestSupport {

    @Test
    void probesMetricsAndApiDocumentArePublic() {
        assertThat(gateway.get("/actuator/health/liveness").body()).contains("\"UP\"");
        assertThat(gateway.get("/actuator/health/readiness").body()).contains("\"UP\"");
        assertThat(gateway.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> document = gateway.get("/v3/api-docs");
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(document.body()).contains("\"openapi\"").contains("Kaizen API gateway");
    }

    @Test
    void eachServiceDocumentIsReachableWithoutToken() {
        HttpResponse<String> auth = gateway.get("/v3/api-docs/auth");
        assertThat(auth.statusCode()).isEqualTo(200);
        assertThat(auth.body()).contains("\"service\":\"auth-service\"").contains("\"uri\":\"/v3/api-docs\"");
        assertThat(gateway.get("/v3/api-docs/notification").body()).contains("notification-service");
    }

    @Test
    void proxiedRequestsAreTimedPerRouteAndOnlyOnce() {
        assertThat(gateway.get("/v3/api-docs/user").statusCode()).isEqualTo(200);
        String metrics = gateway.get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("spring_cloud_gateway_requests_seconds_count\\{[^}]*routeId=\"user-service-api-docs\"");
        // The server-side timer would only repeat it, tagged uri="UNKNOWN" for every proxied path.
        assertThat(metrics).doesNotContain("http_server_requests_seconds");
    }

    @Test
    void unknownPathIsAProblemDocument() {
        HttpResponse<String> missing = gateway.get("/api/nothing-here", GatewayClient.bearer(TestTokens.user(unique("u"))));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(missing.body()).contains("\"status\":404").contains("\"instance\":\"/api/nothing-here\"");
    }
}
