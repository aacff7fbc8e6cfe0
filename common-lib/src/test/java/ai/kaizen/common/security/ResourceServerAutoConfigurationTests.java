package ai.kaizen.common.security;

import java.net.ServerSocket;

import ai.kaizen.testsupport.ServiceContract;
import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** A service whose signing keys cannot be fetched answers 503, never 500, and still rejects anonymous calls. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ResourceServerAutoConfigurationTests.App.class,
        properties = {"kaizen.messaging.enabled=false",
                "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
class ResourceServerAutoConfigurationTests {

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void unreachableKeys(DynamicPropertyRegistry registry) throws Exception {
        TestTokens.register(registry);
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        registry.add("kaizen.security.jwk-set-uri", () -> "http://127.0.0.1:" + closed + "/jwks");
    }

    @Test
    void unreachableSigningKeysGive503ProblemNot500() {
        var response = ServiceContract.get(port, "/api/anything", TestTokens.user("u1"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();

        assertThat(ServiceContract.get(port, "/api/anything", null).statusCode()).isEqualTo(401);
        assertThat(ServiceContract.get(port, "/api/anything", "not.a.jwt").statusCode()).isEqualTo(401);
    }
}
