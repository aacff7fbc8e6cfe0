package ai.kaizen.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a random port against the migrated test database, driven over real HTTP.
 * Every subclass shares one application context (same configuration), and each test uses fresh
 * e-mail addresses, so tests never depend on each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AuthIntegrationTest {

    /** Satisfies the policy and contains no test address's name part. */
    protected static final String PASSWORD = "correct-Horse-battery-9";

    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "auth");
        registry.add("kaizen.auth.keys.generate-ephemeral", () -> "true");
    }

    protected record Response(int status, HttpResponse<String> raw, JsonNode json) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse("");
        }

        public String text(String field) {
            return json.path(field).asString();
        }
    }

    protected static String uniqueEmail(String tag) {
        return tag + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected Response post(String path, @Nullable Object body, @Nullable String token) {
        HttpRequest.Builder request = request(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body == null ? "" : JSON.writeValueAsString(body)));
        return send(request.build());
    }

    protected Response post(String path, Object body) {
        return post(path, body, null);
    }

    protected Response get(String path, @Nullable String token) {
        return send(request(path, token).GET().build());
    }

    protected Response delete(String path, @Nullable String token) {
        return send(request(path, token).DELETE().build());
    }

    protected HttpRequest.Builder request(String path, @Nullable String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    protected Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = isJson && !body.isBlank() ? JSON.readTree(body) : JSON.missingNode();
            return new Response(response.statusCode(), response, json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Registers an account and returns its TokenResponse. */
    protected Response register(String email, String password) {
        Response response = post("/api/auth/register", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response;
    }

    protected Response login(String email, String password) {
        return post("/api/auth/login", Map.of("email", email, "password", password));
    }

    protected static void assertProblem(Response response, int status) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.text("detail")).isNotBlank();
    }
}
