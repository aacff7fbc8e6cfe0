package ai.kaizen.common.messaging;

/**
 * Handles one event inside the consumer's transaction: anything it writes through Spring's
 * transaction-aware JDBC commits together with the idempotency record, and the entry is acknowledged
 * only after that commit. Throwing rolls the transaction back and schedules a retry.
 */
@FunctionalInterface
public interface EventHandler<T> {

    void handle(ReceivedEvent<T> event) throws Exception;
}
