package ai.kaizen.common.messaging.cleanup;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.messaging.EventHandler;
import ai.kaizen.common.messaging.EventSubscription;
import ai.kaizen.common.messaging.JobScheduler;
import ai.kaizen.common.messaging.Queues;
import ai.kaizen.common.messaging.ReceivedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs this service's cleanup tasks when their requests arrive on the cleanup queue, and schedules them. */
public final class CleanupJobs implements EventHandler<CleanupRequest> {

    private static final Logger log = LoggerFactory.getLogger(CleanupJobs.class);

    private final String service;
    private final Map<String, CleanupTask> tasks = new LinkedHashMap<>();
    private final MeterRegistry meters;

    public CleanupJobs(String service, List<CleanupTask> tasks, MeterRegistry meters) {
        this.service = service;
        this.meters = meters;
        for (CleanupTask task : tasks) {
            if (this.tasks.putIfAbsent(task.name(), task) != null) {
                throw new IllegalArgumentException("Two cleanup tasks are named " + task.name());
            }
        }
    }

    public Set<String> taskNames() {
        return tasks.keySet();
    }

    /** The subscription to the cleanup queue. */
    public EventSubscription<CleanupRequest> subscription() {
        return EventSubscription.of(Queues.CLEANUP, CleanupRequest.class, this);
    }

    /** Registers one recurring job per task (idempotent: safe at every start-up). */
    public void scheduleAll(JobScheduler scheduler, String cron) {
        for (String task : tasks.keySet()) {
            scheduler.scheduleRecurring("cleanup:" + service + ":" + task, cron, Queues.CLEANUP.key(), service,
                    new CleanupRequest(service, task, null));
        }
    }

    @Override
    public void handle(ReceivedEvent<CleanupRequest> event) throws Exception {
        CleanupRequest request = event.payload();
        if (!service.equals(request.service())) {
            return; // another service's task
        }
        CleanupTask task = tasks.get(request.task());
        if (task == null) {
            // Retrying cannot make an unknown task appear: after the retries it lands in the dead letters with this reason.
            throw new IllegalArgumentException("Unknown cleanup task '" + request.task() + "' for " + service
                    + "; known: " + tasks.keySet());
        }
        Duration olderThan = request.olderThan() == null ? task.defaultRetention() : request.olderThan();
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("olderThan must not be negative: " + olderThan);
        }
        long removed = run(task, olderThan);
        log.info("Cleanup {} of {} removed {} item(s) older than {}", task.name(), service, removed, olderThan);
    }

    /** Runs a task directly (operators, tests). */
    public long run(CleanupTask task, Duration olderThan) throws Exception {
        long removed = task.run(olderThan);
        Counter.builder("kaizen.messaging.cleanup.removed").tag("task", task.name())
                .description("Rows, keys or files removed by cleanup tasks").register(meters).increment(removed);
        return removed;
    }
}
