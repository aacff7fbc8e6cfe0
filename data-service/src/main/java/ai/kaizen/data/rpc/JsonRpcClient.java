package ai.kaizen.data.rpc;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends JSON-RPC over HTTP with bounded replies. Every attempt is one HTTP round trip and is counted, per session
 * and in the {@code kaizen.rpc.round.trips} meter. Rate limits (429), server errors, timeouts and connection
 * failures are retried with exponential backoff and jitter, waiting at least what Retry-After asks.
 */
@Component
public class JsonRpcClient {

    private static final MediaType JSON = MediaType.get("application/json");

    private final RpcProperties properties;
    private final JsonMapper mapper;
    private final MeterRegistry meters;
    private final OkHttpClient http;
    private final RetryConfig retryConfig;

    public JsonRpcClient(RpcProperties properties, JsonMapper mapper, MeterRegistry meters) {
        this.properties = properties;
        this.mapper = mapper;
        this.meters = meters;
        this.http = new OkHttpClient.Builder()
                .callTimeout(properties.callTimeout())
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.callTimeout())
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        this.retryConfig = RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.maxAttempts()))
                .retryOnException(this::worthRetrying)
                .intervalBiFunction((IntervalBiFunction<Object>) (attempt, outcome) ->
                        backoff(attempt, outcome.isLeft() ? outcome.getLeft() : null))
                .build();
    }

    /** A session groups the calls of one piece of work (one facts collection) and counts its round trips. */
    public RpcSession session(String network, List<URI> urls) {
        return new RpcSession(this, network, urls);
    }

    RpcProperties properties() {
        return properties;
    }

    JsonMapper mapper() {
        return mapper;
    }

    RetryConfig retryConfig() {
        return retryConfig;
    }

    private boolean worthRetrying(Throwable failure) {
        if (!(failure instanceof RpcException rpc) || !rpc.kind().transientFault()) {
            return false;
        }
        Duration retryAfter = rpc.retryAfter();
        return retryAfter == null || retryAfter.compareTo(properties.maxRetryAfter()) <= 0;
    }

    long backoff(int attempt, @Nullable Throwable failure) {
        long initial = properties.initialBackoff().toMillis();
        long max = properties.maxBackoff().toMillis();
        long exponential = initial << Math.min(20, Math.max(0, attempt - 1));
        long jittered = (long) (Math.min(max, exponential) * (0.5 + ThreadLocalRandom.current().nextDouble()));
        long wait = Math.min(max, Math.max(1, jittered));
        if (failure instanceof RpcException rpc && rpc.retryAfter() != null) {
            wait = Math.max(wait, rpc.retryAfter().toMillis());
        }
        return wait;
    }

    /** One HTTP round trip: POST the payload, read at most maxResponseSize bytes, parse JSON. */
    JsonNode exchange(String network, URI url, byte[] payload) throws RpcException {
        Request request = new Request.Builder().url(url.toString())
                .post(RequestBody.create(payload, JSON))
                .header("Accept", "application/json")
                .build();
        String outcome = "error";
        try (Response response = http.newCall(request).execute()) {
            int status = response.code();
            if (status == 429) {
                outcome = "rate_limited";
                throw new RpcException(RpcException.Kind.RATE_LIMITED, "rate limited by the node (HTTP 429)",
                        retryAfter(response.header("Retry-After")), null, null);
            }
            if (status >= 500) {
                outcome = "server_error";
                throw new RpcException(RpcException.Kind.SERVER_ERROR, "node answered HTTP " + status,
                        retryAfter(response.header("Retry-After")), null, null);
            }
            byte[] body = boundedBody(response.body());
            JsonNode json = parse(body);
            if (status < 200 || status > 299) {
                if (!looksLikeJsonRpc(json)) {
                    outcome = "client_error";
                    throw new RpcException(RpcException.Kind.CLIENT_ERROR, "node answered HTTP " + status);
                }
            }
            outcome = "ok";
            return json;
        } catch (RpcException e) {
            if (outcome.equals("error")) {
                outcome = e.kind().name().toLowerCase(java.util.Locale.ROOT);
            }
            throw e;
        } catch (InterruptedIOException e) {
            outcome = "timeout";
            throw new RpcException(RpcException.Kind.TIMEOUT,
                    "no complete reply within " + properties.callTimeout().toMillis() + " ms", e);
        } catch (IOException e) {
            outcome = "connection";
            throw new RpcException(RpcException.Kind.CONNECTION, "could not reach the node: " + brief(e.getMessage()), e);
        } finally {
            Counter.builder("kaizen.rpc.round.trips")
                    .description("JSON-RPC HTTP round trips (each attempt counts)")
                    .tag("network", network).tag("outcome", outcome)
                    .register(meters).increment();
        }
    }

    private byte[] boundedBody(ResponseBody body) throws IOException, RpcException {
        long limit = properties.maxResponseSize().toBytes();
        long declared = body.contentLength();
        if (declared > limit) {
            throw new RpcException(RpcException.Kind.OVERSIZED,
                    "reply of " + declared + " bytes exceeds the " + limit + "-byte limit");
        }
        BufferedSource source = body.source();
        if (source.request(limit + 1)) {
            throw new RpcException(RpcException.Kind.OVERSIZED, "reply exceeds the " + limit + "-byte limit");
        }
        return source.getBuffer().readByteArray();
    }

    private JsonNode parse(byte[] body) throws RpcException {
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            throw new RpcException(RpcException.Kind.MALFORMED, "reply is not valid JSON", e);
        }
    }

    private static boolean looksLikeJsonRpc(JsonNode json) {
        return json.isObject() && (json.has("result") || json.has("error"));
    }

    static @Nullable Duration retryAfter(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    static String brief(@Nullable String text) {
        if (text == null) {
            return "unknown error";
        }
        String clean = text.replaceAll("[\\p{Cntrl}]", " ").strip();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }
}
