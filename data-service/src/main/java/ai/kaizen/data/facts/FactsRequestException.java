package ai.kaizen.data.facts;

import org.springframework.http.HttpStatus;

/** A request the facts API refuses, with the status and a message that says what is wrong. */
public final class FactsRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public FactsRequestException(HttpStatus status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
