package ai.kaizen.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebSocketProxyTests extends GatewayTestSupport {

    /** A client on its own connections, so no pooled connection of another test is reused. */
    private final ReactorNettyWebSocketClient client =
            new ReactorNettyWebSocketClient(HttpClient.create(ConnectionProvider.newConnection()));

    @Test
    void webSocketIsProxiedToChatWithTheToken() {
        String token = TestTokens.user(unique("chatter"));
        String path = "/ws/chat/" + unique("room");
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);

        List<String> received = talk(URI.create("ws://localhost:" + port + path), headers);

        assertThat(received).containsExactly("hello chat-service auth=Bearer " + token + " uri=" + path, "echo:ping");
        assertThat(Backends.CHAT.requests(path)).hasSize(1);
    }

    @Test
    void browserTokenInTheQueryBecomesAHeaderAndLeavesTheUrl() {
        String token = TestTokens.user(unique("browser"));
        String path = "/ws/chat/" + unique("room");

        List<String> received = talk(URI.create("ws://localhost:" + port + path + "?access_token=" + token), new HttpHeaders());

        assertThat(received.getFirst()).isEqualTo("hello chat-service auth=Bearer " + token + " uri=" + path);
    }

    @Test
    void webSocketWithoutTokenIsRefused() {
        String path = "/ws/chat/" + unique("intruder");
        assertThatThrownBy(() -> talk(URI.create("ws://localhost:" + port + path), new HttpHeaders()))
                .hasMessageContaining("401");
        assertThat(Backends.CHAT.requests(path)).isEmpty();
    }

    private List<String> talk(URI uri, HttpHeaders headers) {
        List<String> received = new CopyOnWriteArrayList<>();
        client.execute(uri, headers, session -> session.send(Mono.just(session.textMessage("ping")))
                        .and(session.receive().map(WebSocketMessage::getPayloadAsText).take(2).doOnNext(received::add).then()))
                .block(Duration.ofSeconds(15));
        return received;
    }
}
