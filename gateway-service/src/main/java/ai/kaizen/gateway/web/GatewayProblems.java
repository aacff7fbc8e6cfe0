package ai.kaizen.gateway.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * RFC 9457 errors raised by the gateway's own filters. Filters return {@code Mono.error(...)} with
 * one of these and {@link ProblemExceptionHandler} writes it as {@code application/problem+json}.
 */
public final class GatewayProblems {

    /** Route metadata key naming the backend service a route leads to (used in error details). */
    public static final String SERVICE_METADATA = "kaizen-service";

    private GatewayProblems() {
    }

    public static ErrorResponseException of(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    public static ErrorResponseException unauthorized(String detail, String wwwAuthenticate) {
        ErrorResponseException problem = of(HttpStatus.UNAUTHORIZED, detail);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        return problem;
    }
}
