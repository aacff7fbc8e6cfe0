package ai.kaizen.common.messaging;

import java.util.concurrent.CompletableFuture;

/** Appends an envelope to a stream; completes with the entry id once Redis has it. */
@FunctionalInterface
public interface StreamWriter {

    CompletableFuture<String> write(String stream, EventEnvelope envelope);
}
