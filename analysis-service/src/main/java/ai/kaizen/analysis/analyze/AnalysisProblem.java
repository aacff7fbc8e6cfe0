package ai.kaizen.analysis.analyze;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A request the analysis API answers with an RFC 9457 problem: the status, a stable type slug
 * ({@code urn:kaizen:problem:<slug>}), a title and a detail that says what is wrong.
 */
public final class AnalysisProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final @Nullable Duration retryAfter;

    public AnalysisProblem(int status, String slug, String title, String detail, @Nullable Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public static AnalysisProblem badRequest(String slug, String title, String detail) {
        return new AnalysisProblem(HttpStatus.BAD_REQUEST.value(), slug, title, detail, null);
    }

    public static AnalysisProblem notFound(String slug, String title, String detail) {
        return new AnalysisProblem(HttpStatus.NOT_FOUND.value(), slug, title, detail, null);
    }

    public static AnalysisProblem unavailable(String slug, String title, String detail) {
        return new AnalysisProblem(HttpStatus.SERVICE_UNAVAILABLE.value(), slug, title, detail, Duration.ofSeconds(30));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
