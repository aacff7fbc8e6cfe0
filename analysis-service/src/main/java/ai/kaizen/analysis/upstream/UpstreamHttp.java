package ai.kaizen.analysis.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.jspecify.annotations.Nullable;

/**
 * One upstream service over HTTP/1.1: JDK client with a connect timeout, a total timeout per exchange, a size
 * limit on the body and a circuit breaker that counts connection failures, timeouts and 5xx replies.
 */
final class UpstreamHttp {

    /** A reply: status, body (at most the size limit) and the headers the callers read. */
    record Reply(int status, byte[] body, Optional<String> contentType) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String name;
    private final URI base;
    private final Duration timeout;
    private final long maxBytes;
    private final CircuitBreaker breaker;
    private final HttpClient client;

    UpstreamHttp(String name, UpstreamProperties.Service settings, CircuitBreaker breaker) {
        this(name, settings.url(), settings.connectTimeout(), settings.timeout(), settings.maxResponseSize().toBytes(),
                breaker);
    }

    UpstreamHttp(String name, URI base, Duration connectTimeout, Duration timeout, long maxBytes,
                 CircuitBreaker breaker) {
        this.name = name;
        this.base = base;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.breaker = breaker;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    String name() {
        return name;
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    Reply get(String pathAndQuery, @Nullable String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(pathAndQuery)).GET()
                .header("Accept", "application/json, application/problem+json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return send(request);
    }

    Reply post(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .header("Accept", "application/json, application/problem+json");
        headers.forEach(request::header);
        return send(request);
    }

    private URI resolve(String pathAndQuery) {
        String root = base.toString();
        return URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) + pathAndQuery : root + pathAndQuery);
    }

    private Reply send(HttpRequest.Builder request) {
        if (!breaker.tryAcquirePermission()) {
            throw new UpstreamUnavailableException(name, "circuit breaker open after repeated failures; retried after "
                    + "its wait time");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = client.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (body.length > maxBytes) {
                throw new IOException("reply larger than " + maxBytes + " bytes");
            }
            Reply reply = new Reply(response.statusCode(), body, response.headers().firstValue("Content-Type"));
            long elapsed = System.nanoTime() - start;
            if (reply.status() >= 500) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("HTTP " + reply.status()));
            } else {
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            }
            return reply;
        } catch (HttpTimeoutException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new UpstreamUnavailableException(name, "no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            throw new UpstreamUnavailableException(name, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            breaker.releasePermission();
            throw new UpstreamUnavailableException(name, "interrupted");
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused" + (message == null || message.isBlank() ? "" : " (" + message + ")");
        }
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
