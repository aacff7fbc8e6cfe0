package ai.kaizen.gateway.security;

import java.time.Duration;

import ai.kaizen.gateway.routing.BackendProperties;
import ai.kaizen.gateway.web.CorrelationIdFilter;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/** Calls auth-service's {@code POST /api/auth/api-keys/exchange} with the caller's key. */
@Component
class ApiKeyExchangeClient {

    /** auth-service's answer: a short-lived access token for the key's owner. */
    record IssuedToken(String accessToken, @Nullable String tokenType, long expiresIn) {
    }

    /** auth-service does not know the key (or it is revoked). */
    static final class UnknownApiKeyException extends RuntimeException {
        UnknownApiKeyException() {
            super("API key rejected by auth-service", null, false, false);
        }
    }

    private final WebClient client;
    private final ApiKeyProperties properties;

    ApiKeyExchangeClient(BackendProperties backends, ApiKeyProperties properties) {
        this.properties = properties;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(properties.timeout().toMillis(), 5_000))
                .responseTimeout(properties.timeout());
        this.client = WebClient.builder()
                .baseUrl(backends.auth().toString())
                .clientConnector(new ReactorClientHttpConnector(http))
                .build();
    }

    Mono<IssuedToken> exchange(String apiKey, @Nullable String correlationId) {
        return client.post()
                .uri(properties.exchangePath())
                .header(ApiKeyExchangeFilter.HEADER, apiKey)
                .headers(headers -> {
                    if (correlationId != null) {
                        headers.set(CorrelationIdFilter.HEADER, correlationId);
                    }
                })
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (response.statusCode().is2xxSuccessful()) {
                        return response.bodyToMono(IssuedToken.class);
                    }
                    if (status == 400 || status == 401 || status == 403 || status == 404) {
                        return response.releaseBody().then(Mono.error(new UnknownApiKeyException()));
                    }
                    return response.releaseBody().then(Mono.error(
                            new IllegalStateException("auth-service answered " + status + " to an API key exchange")));
                })
                .filter(token -> token.accessToken() != null && !token.accessToken().isBlank())
                .switchIfEmpty(Mono.error(new IllegalStateException("auth-service returned no access token")))
                .timeout(properties.timeout().plus(Duration.ofMillis(100)));
    }
}
