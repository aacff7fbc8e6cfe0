package ai.kaizen.data.facts;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import ai.kaizen.testsupport.TestDatabase;
import ai.kaizen.testsupport.TestTokens;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** With Redis unreachable (nothing listens on its port) facts are still served, just never from the cache. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FactsWithoutRedisTests {

    static final String TOKEN = "0x00000000000000000000000000000000000a11ce";
    static MockWebServer node;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        TestTokens.register(registry);
        TestDatabase.register(registry, "chain");
        FakeNode fake = new FakeNode();
        fake.code.put(TOKEN, "0x" + AnvilNode.runtime("KzOwnedToken"));
        fake.owners.put(TOKEN, "0x1111111111111111111111111111111111111111");
        node = new MockWebServer();
        node.setDispatcher(fake);
        node.start();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        int redisPort = closedPort;
        registry.add("spring.data.redis.port", () -> Integer.toString(redisPort));
        registry.add("kaizen.chains.fakenet.chain-id", () -> "999001");
        registry.add("kaizen.chains.fakenet.rpc-urls", () -> node.url("/").toString());
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void factsAreServedWhenRedisIsDown() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/tokens/fakenet/" + TOKEN + "/facts?depth=quick"))
                    .header("Authorization", "Bearer " + TestTokens.user("u1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Kaizen-Cache")).hasValue("miss");
            JsonNode facts = FakeNode.MAPPER.readTree(response.body());
            assertThat(facts.path("token").path("symbol").stringValue()).isEqualTo("FAKE");
            // Complete facts would be cached; with Redis down the write fails quietly and the next read misses.
            assertThat(facts.path("complete").asBoolean()).isTrue();
        }
    }
}
