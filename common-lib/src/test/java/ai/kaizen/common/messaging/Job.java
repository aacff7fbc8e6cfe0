package ai.kaizen.common.messaging;

/** The test jobs' payload. */
@EventType("test.job")
public record Job(String name) {
}
