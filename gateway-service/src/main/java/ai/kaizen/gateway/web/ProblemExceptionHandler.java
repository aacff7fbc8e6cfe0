package ai.kaizen.gateway.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every error the gateway produces as {@code application/problem+json}: its own (401, 403,
 * 404, 413, 429) and a backend's failure, which is named in the detail (503 when it is down, failing
 * or its circuit is open; 504 when it did not answer in time). Runs before Boot's default handler.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);
    /** Headers of a half-received backend response that must not describe the problem document. */
    private static final List<String> ENTITY_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_ENCODING, HttpHeaders.TRANSFER_ENCODING, HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED,
            HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.SET_COOKIE);

    private final JsonMapper json;

    ProblemExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        String correlationId = CorrelationIdFilter.correlationId(exchange);
        ErrorResponse problem;
        try (MDC.MDCCloseable ignored = correlationId == null ? null : MDC.putCloseable(CorrelationIdFilter.MDC_KEY, correlationId)) {
            problem = toProblem(exchange, error);
        }
        ProblemDetail body = problem.getBody();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("type", body.getType() != null ? body.getType().toString() : "about:blank");
        document.put("title", body.getTitle() != null ? body.getTitle() : reason(problem.getStatusCode()));
        document.put("status", problem.getStatusCode().value());
        if (body.getDetail() != null) {
            document.put("detail", body.getDetail());
        }
        document.put("instance", exchange.getRequest().getPath().value());
        if (body.getProperties() != null) {
            document.putAll(body.getProperties());
        }
        if (correlationId != null) {
            document.put("correlationId", correlationId);
        }
        byte[] bytes = json.writeValueAsBytes(document);

        response.setStatusCode(problem.getStatusCode());
        HttpHeaders headers = response.getHeaders();
        ENTITY_HEADERS.forEach(headers::remove);
        problem.getHeaders().forEach(headers::put);
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setContentLength(bytes.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    private ErrorResponse toProblem(ServerWebExchange exchange, Throwable error) {
        String service = routedService(exchange);
        if (service != null) {
            ErrorResponse backendProblem = backendProblem(service, error);
            if (backendProblem != null) {
                log.warn("{} failed for {} {}: {}", service, exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().value(), describe(error));
                return backendProblem;
            }
        }
        if (error instanceof ErrorResponse known) {
            if (known.getBody().getDetail() == null && known.getStatusCode().value() == 404) {
                known.getBody().setDetail("No route or resource for " + exchange.getRequest().getPath().value() + ".");
            }
            return known;
        }
        log.error("Unhandled error for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(), error);
        return GatewayProblems.of(HttpStatus.INTERNAL_SERVER_ERROR, "The gateway could not process the request.");
    }

    /** Maps a backend failure to 503/504 naming the service, or {@code null} if it was no backend failure. */
    private static @Nullable ErrorResponse backendProblem(String service, Throwable error) {
        if (error instanceof ServiceUnavailableException || hasCause(error, CallNotPermittedException.class)) {
            return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    service + " is temporarily unavailable (circuit open); try again later.");
        }
        if (isTimeout(error)) {
            return GatewayProblems.of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time.");
        }
        if (error instanceof HttpStatusCodeException backendStatus) {
            return backendStatus.getStatusCode().value() == 504
                    ? GatewayProblems.of(HttpStatus.GATEWAY_TIMEOUT, service + " did not answer in time.")
                    : GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable.");
        }
        if (hasCause(error, IOException.class)) {
            return GatewayProblems.of(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable.");
        }
        return null;
    }

    private static boolean isTimeout(Throwable error) {
        if (error instanceof ErrorResponse response && response.getStatusCode().value() == 504) {
            return true;
        }
        return hasCause(error, TimeoutException.class);
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static @Nullable String routedService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return null;
        }
        Object service = route.getMetadata().get(GatewayProblems.SERVICE_METADATA);
        return service != null ? service.toString() : route.getId();
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + (error.getMessage() != null ? ": " + error.getMessage() : "");
    }

    private static String reason(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }
}
