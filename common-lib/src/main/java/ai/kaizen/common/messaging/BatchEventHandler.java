package ai.kaizen.common.messaging;

import java.util.List;

/**
 * Handles the events of one transaction together, e.g. with one JDBC batch insert, for high-volume
 * streams. Same guarantees as {@link EventHandler}: the list holds only events not processed before,
 * its writes commit with their idempotency records, and the entries are acknowledged after that
 * commit. If it throws, the transaction rolls back and each event is tried again on its own (the
 * handler then sees single-element lists), so one bad event cannot hold the others back.
 */
@FunctionalInterface
public interface BatchEventHandler<T> {

    void handle(List<ReceivedEvent<T>> events) throws Exception;
}
