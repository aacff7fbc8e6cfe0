package ai.kaizen.gateway.routing;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Base URLs of the services behind the gateway (env {@code KAIZEN_<SERVICE>_URL}).
 *
 * @param chatWebsocket the chat service's WebSocket base URL; blank means derived from {@code chat}
 *                      ({@code http} to {@code ws}, {@code https} to {@code wss})
 */
@ConfigurationProperties("kaizen.gateway.backends")
public record BackendProperties(
        @DefaultValue("http://localhost:8081") URI auth,
        @DefaultValue("http://localhost:8082") URI user,
        @DefaultValue("http://localhost:8083") URI analysis,
        @DefaultValue("http://localhost:8084") URI data,
        @DefaultValue("http://localhost:8085") URI social,
        @DefaultValue("http://localhost:8086") URI intel,
        @DefaultValue("http://localhost:8087") URI chat,
        @DefaultValue("http://localhost:8088") URI notification,
        @DefaultValue("") String chatWebsocket) {

    public URI chatWebsocketUri() {
        if (!chatWebsocket.isBlank()) {
            return URI.create(chatWebsocket.trim());
        }
        String scheme = "https".equalsIgnoreCase(chat.getScheme()) ? "wss" : "ws";
        return URI.create(scheme + chat.toString().substring(chat.getScheme().length()));
    }
}
