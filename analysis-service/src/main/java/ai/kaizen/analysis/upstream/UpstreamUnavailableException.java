package ai.kaizen.analysis.upstream;

/**
 * An upstream service could not answer: connection refused, timeout, a 5xx, an oversized or unreadable reply,
 * or its circuit breaker is open. The message says which and why, for logs and for the coverage of an analysis.
 */
public final class UpstreamUnavailableException extends RuntimeException {

    private final String service;

    public UpstreamUnavailableException(String service, String reason) {
        super(service + " unavailable: " + reason, null, false, false);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
