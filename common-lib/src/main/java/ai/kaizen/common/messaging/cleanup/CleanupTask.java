package ai.kaizen.common.messaging.cleanup;

import java.time.Duration;

/** One kind of cleanup a service owns, run when a {@link CleanupRequest} for it arrives on the cleanup queue. */
public interface CleanupTask {

    /** The task name requests use, e.g. {@code old-analyses}, {@code temp-files}, {@code expired-cache}. */
    String name();

    /** How old things must be before they go, when the request does not say. */
    Duration defaultRetention();

    /**
     * Removes what is older than {@code olderThan}.
     *
     * @return how many rows, keys or files were removed
     */
    long run(Duration olderThan) throws Exception;
}
