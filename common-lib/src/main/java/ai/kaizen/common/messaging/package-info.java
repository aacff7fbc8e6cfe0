/**
 * Reliable messaging on Redis Streams: the event envelope, publishing (directly or through the
 * transactional outbox), consumer groups with ack-after-commit and idempotency, retries with
 * backoff, dead letters, reclaiming of dead consumers' work, the seed's queues and durable
 * scheduled jobs.
 */
@NullMarked
package ai.kaizen.common.messaging;

import org.jspecify.annotations.NullMarked;
