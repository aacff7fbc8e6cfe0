package ai.kaizen.analysis.api;

import java.net.URI;
import java.util.Locale;

import ai.kaizen.analysis.analyze.AnalysisProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers of the analysis API: each says what is wrong. */
@RestControllerAdvice(assignableTypes = AnalysisController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(AnalysisProblem.class)
    ResponseEntity<ProblemDetail> problem(AnalysisProblem e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        }
        return response.body(problem(e.status(), e.slug(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String cause = e.getMostSpecificCause().getMessage();
        String detail = cause == null || e.getMostSpecificCause() == e ? "the request body is missing or is not JSON"
                : "the request body is not valid JSON: " + firstLine(cause);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(400, "malformed-json", "Malformed JSON", detail));
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        log.error("Database unavailable", e);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "30")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(503, "storage-unavailable", "Storage unavailable",
                        "the analysis database is unavailable; try again shortly"));
    }

    static ProblemDetail problem(int status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:kaizen:problem:" + slug.toLowerCase(Locale.ROOT)));
        return problem;
    }

    private static String firstLine(String text) {
        String line = text.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", "");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
