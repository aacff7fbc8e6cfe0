package ai.kaizen.analysis.upstream;

import org.jspecify.annotations.Nullable;

/**
 * An upstream service answered with a 4xx (or 501) problem: the request itself was refused (bad address, unknown
 * network, no contract code, network not supported). Its status, title and detail are passed on to the caller.
 */
public final class UpstreamRejectedException extends RuntimeException {

    private final String service;
    private final int status;
    private final @Nullable String title;

    public UpstreamRejectedException(String service, int status, @Nullable String title, String detail) {
        super(detail, null, false, false);
        this.service = service;
        this.status = status;
        this.title = title;
    }

    public String service() {
        return service;
    }

    public int status() {
        return status;
    }

    public @Nullable String title() {
        return title;
    }
}
