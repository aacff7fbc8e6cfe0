package ai.kaizen.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP + WebSocket server standing in for one Kaizen service. It records every request and
 * answers by path: {@code .../slow} after 6 s, {@code .../unavailable} always 503, {@code .../flaky}
 * 503 the first time per URI then 200, the auth API-key exchange from a table of known keys, a
 * WebSocket upgrade with a greeting that echoes the Authorization header, anything else 200 JSON.
 */
final class FakeBackend {

    record Recorded(String method, String uri, HttpHeaders headers, String body) {
    }

    private final String name;
    private final DisposableServer server;
    private final Queue<Recorded> requests = new ConcurrentLinkedQueue<>();
    private final Set<String> flakySeen = ConcurrentHashMap.newKeySet();
    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();

    FakeBackend(String name) {
        this.name = name;
        this.server = HttpServer.create().host("127.0.0.1").port(0).handle(this::handle).bindNow();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Makes the exchange endpoint (auth only) accept {@code key} and answer with {@code token}. */
    void acceptApiKey(String key, String token) {
        apiKeys.put(key, token);
    }

    /** Requests whose URI (path and query) starts with {@code prefix}. */
    List<Recorded> requests(String prefix) {
        return requests.stream().filter(r -> r.uri().startsWith(prefix)).toList();
    }

    private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        HttpHeaders headers = new HttpHeaders();
        request.requestHeaders().forEach(entry -> headers.add(entry.getKey(), entry.getValue()));
        if (request.requestHeaders().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            requests.add(new Recorded(request.method().name(), request.uri(), headers, ""));
            String greeting = "hello " + name + " auth=" + headers.getFirst(HttpHeaders.AUTHORIZATION) + " uri=" + request.uri();
            return response.sendWebsocket((in, out) -> out.sendString(
                    Flux.concat(Mono.just(greeting), in.receive().asString().map(text -> "echo:" + text))));
        }
        return request.receive().aggregate().asString().defaultIfEmpty("").flatMap(body -> {
            requests.add(new Recorded(request.method().name(), request.uri(), headers, body));
            return respond(request, response, headers, body);
        });
    }

    private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, HttpHeaders headers, String body) {
        String uri = request.uri();
        if (uri.contains("/slow")) {
            return Mono.delay(Duration.ofSeconds(6)).then(json(response, 200, echo(uri, body)));
        }
        if (uri.contains("/unavailable") || (uri.contains("/flaky") && flakySeen.add(uri))) {
            return json(response, 503, "{\"error\":\"down\"}");
        }
        if (uri.startsWith("/api/auth/api-keys/exchange")) {
            String token = apiKeys.get(String.valueOf(headers.getFirst("X-API-Key")));
            return token == null
                    ? json(response, 401, "{\"error\":\"unknown key\"}")
                    : json(response, 200, "{\"accessToken\":\"" + token + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900}");
        }
        return json(response, 200, echo(uri, body));
    }

    private String echo(String uri, String body) {
        return "{\"service\":\"" + name + "\",\"uri\":\"" + uri + "\",\"bodyLength\":" + body.length() + "}";
    }

    private static Mono<Void> json(HttpServerResponse response, int status, String json) {
        return response.status(HttpResponseStatus.valueOf(status))
                .header(HttpHeaders.CONTENT_TYPE, "application/json")
                // A backend's own framing policy: the gateway's must replace it.
                .header("X-Frame-Options", "SAMEORIGIN")
                .sendString(Mono.just(json))
                .then();
    }
}
