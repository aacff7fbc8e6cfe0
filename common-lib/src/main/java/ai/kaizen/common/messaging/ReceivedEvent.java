package ai.kaizen.common.messaging;

/**
 * An event as a handler sees it.
 *
 * @param envelope   the envelope, with the raw payload JSON
 * @param payload    the payload read into the subscription's type
 * @param stream     the stream it came from
 * @param entryId    the stream entry id
 * @param deliveries how many times this entry has been delivered, this one included
 */
public record ReceivedEvent<T>(EventEnvelope envelope, T payload, String stream, String entryId, long deliveries) {
}
