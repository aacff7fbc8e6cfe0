package ai.kaizen.auth.problem;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem the service answers with. Spring MVC's ProblemDetail handling renders it,
 * headers included; {@code code} is a stable machine-readable reason (e.g. {@code password-too-short}).
 */
public final class AuthProblem extends ErrorResponseException {

    private AuthProblem(HttpStatus status, String detail, @Nullable String code) {
        super(status, problem(status, detail, code), null);
    }

    private static ProblemDetail problem(HttpStatus status, String detail, @Nullable String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (code != null) {
            problem.setProperty("code", code);
        }
        return problem;
    }

    public static AuthProblem badRequest(String code, String detail) {
        return new AuthProblem(HttpStatus.BAD_REQUEST, detail, code);
    }

    public static AuthProblem unauthorized(String code, String detail) {
        AuthProblem problem = new AuthProblem(HttpStatus.UNAUTHORIZED, detail, code);
        problem.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return problem;
    }

    public static AuthProblem forbidden(String code, String detail) {
        return new AuthProblem(HttpStatus.FORBIDDEN, detail, code);
    }

    public static AuthProblem notFound(String detail) {
        return new AuthProblem(HttpStatus.NOT_FOUND, detail, null);
    }

    public static AuthProblem conflict(String code, String detail) {
        return new AuthProblem(HttpStatus.CONFLICT, detail, code);
    }

    /** 429 with {@code Retry-After} in whole seconds, rounded up so a client never retries too early. */
    public static AuthProblem tooManyAttempts(String detail, Duration retryAfter) {
        AuthProblem problem = new AuthProblem(HttpStatus.TOO_MANY_REQUESTS, detail, "locked-out");
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        problem.getBody().setProperty("retryAfterSeconds", seconds);
        return problem;
    }

    public @Nullable String code() {
        Object code = getBody().getProperties() == null ? null : getBody().getProperties().get("code");
        return code == null ? null : code.toString();
    }
}
