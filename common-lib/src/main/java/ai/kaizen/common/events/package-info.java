/**
 * Event payloads that several services consume, and the streams they travel on. Records only: each is a
 * contract owned by its producer and changed additively (new nullable fields), never renamed. Consumers
 * subscribe with {@code EventSubscription.of(AnalysisEvents.STREAM, AnalysisCompleted.class, handler)}.
 */
@NullMarked
package ai.kaizen.common.events;

import org.jspecify.annotations.NullMarked;
