package ai.kaizen.common.messaging.cleanup;

import java.time.Duration;

import ai.kaizen.common.messaging.EventType;
import org.jspecify.annotations.Nullable;

/**
 * A job on the cleanup queue: run {@code task} of {@code service}. Every data-owning service consumes
 * the queue in its own group and runs only the requests addressed to it.
 *
 * @param service   the service that owns the task
 * @param task      the task name
 * @param olderThan the retention to apply, or null for the task's default
 */
@EventType("cleanup.requested")
public record CleanupRequest(String service, String task, @Nullable Duration olderThan) {
}
