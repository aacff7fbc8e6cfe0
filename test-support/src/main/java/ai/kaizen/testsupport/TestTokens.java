package ai.kaizen.testsupport;

import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real OIDC provider (mock-oauth2-server) for service tests: it publishes a JWKS and signs
 * tokens, so the service under test validates them exactly as it would auth-service's.
 */
public final class TestTokens {

    public static final String ISSUER_ID = "kaizen";
    public static final String AUDIENCE = "kaizen";

    private static final MockOAuth2Server SERVER = start();

    private TestTokens() {
    }

    private static MockOAuth2Server start() {
        MockOAuth2Server server = new MockOAuth2Server();
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown));
        return server;
    }

    /** Points {@code kaizen.security.*} at this provider. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("kaizen.security.jwk-set-uri", () -> SERVER.jwksUrl(ISSUER_ID).toString());
        registry.add("kaizen.security.issuer", () -> SERVER.issuerUrl(ISSUER_ID).toString());
        registry.add("kaizen.security.audience", () -> AUDIENCE);
    }

    /** A valid access token for {@code subject} with role USER and tier free. */
    public static String user(String subject) {
        return token(subject, AUDIENCE, Map.of("roles", List.of("USER"), "tier", "free"), 900);
    }

    public static String token(String subject, String audience, Map<String, Object> claims, long expirySeconds) {
        return SERVER.issueToken(ISSUER_ID, subject, audience, claims, expirySeconds).serialize();
    }

    public static MockOAuth2Server server() {
        return SERVER;
    }
}
