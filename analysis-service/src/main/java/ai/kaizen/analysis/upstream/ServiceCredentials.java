package ai.kaizen.analysis.upstream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * analysis-service's own access token for background work. Background jobs run minutes or hours after the
 * request that caused them (or with no request at all: re-scoring), so they cannot use a user's 15-minute token.
 * Instead the service has an ordinary Kaizen account with an API key (KAIZEN_ANALYSIS_API_KEY), exchanged at
 * auth-service's {@code POST /api/auth/api-keys/exchange} for a short-lived JWT that every service already
 * validates; the token is reused until a minute before it expires. No new signing keys, no token at rest.
 */
public final class ServiceCredentials {

    private static final Logger log = LoggerFactory.getLogger(ServiceCredentials.class);
    private static final Duration REFRESH_MARGIN = Duration.ofSeconds(60);

    private final @Nullable UpstreamHttp auth;
    private final @Nullable String apiKey;
    private final JsonMapper json;
    private final Clock clock;
    private @Nullable String token;
    private Instant refreshAt = Instant.MIN;

    ServiceCredentials(@Nullable UpstreamHttp auth, UpstreamProperties.Auth settings, JsonMapper json, Clock clock) {
        this.auth = settings.hasApiKey() ? auth : null;
        this.apiKey = settings.hasApiKey() ? settings.apiKey() : null;
        this.json = json;
        this.clock = clock;
    }

    public boolean configured() {
        return auth != null;
    }

    /** A valid bearer token of analysis-service's account, exchanged when the cached one is about to expire. */
    public synchronized String token() {
        if (auth == null || apiKey == null) {
            throw new MissingServiceCredentialException();
        }
        Instant now = clock.instant();
        if (token != null && now.isBefore(refreshAt)) {
            return token;
        }
        UpstreamHttp.Reply reply = auth.post("/api/auth/api-keys/exchange", Map.of("X-API-Key", apiKey));
        if (!reply.ok()) {
            throw new UpstreamUnavailableException(auth.name(), "the API-key exchange answered HTTP " + reply.status()
                    + (reply.status() == 401 ? " (is KAIZEN_ANALYSIS_API_KEY a valid, unrevoked key?)" : ""));
        }
        JsonNode body;
        try {
            body = json.readTree(reply.body());
        } catch (RuntimeException e) {
            throw new UpstreamUnavailableException(auth.name(), "the API-key exchange reply is not JSON");
        }
        String value = body.path("accessToken").asString("");
        long expiresIn = body.path("expiresIn").asLong(0);
        if (value.isBlank() || expiresIn <= 0) {
            throw new UpstreamUnavailableException(auth.name(), "the API-key exchange reply has no accessToken/expiresIn");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration margin = lifetime.compareTo(REFRESH_MARGIN.multipliedBy(2)) > 0 ? REFRESH_MARGIN : lifetime.dividedBy(2);
        token = value;
        refreshAt = now.plus(lifetime).minus(margin);
        log.debug("Exchanged the service API key for a token valid {} s", expiresIn);
        return value;
    }

    /** Forgets the cached token (a service answered 401 to it). */
    public synchronized void invalidate() {
        token = null;
        refreshAt = Instant.MIN;
    }
}
