package ai.kaizen.data.facts;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** RFC 9457 answers for the facts API. */
@RestControllerAdvice(assignableTypes = TokenFactsController.class)
class FactsProblems {

    @ExceptionHandler(FactsRequestException.class)
    ResponseEntity<ProblemDetail> refused(FactsRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.title());
        problem.setType(URI.create("urn:kaizen:problem:" + e.title().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")));
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(NoContractCodeException.class)
    ResponseEntity<ProblemDetail> noCode(NoContractCodeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("No contract code");
        problem.setType(URI.create("urn:kaizen:problem:no-contract-code"));
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }
}
