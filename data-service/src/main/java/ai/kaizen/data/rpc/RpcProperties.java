package ai.kaizen.data.rpc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * JSON-RPC transport limits.
 *
 * @param callTimeout     whole exchange (connect, send, read the full body) per attempt
 * @param connectTimeout  TCP/TLS connect per attempt
 * @param maxResponseSize replies larger than this are rejected unread
 * @param maxAttempts     attempts per request, the first included, for 429/5xx/timeouts/connection errors
 * @param initialBackoff  first backoff; doubles each retry, with jitter, up to maxBackoff
 * @param maxBackoff      longest backoff between attempts
 * @param maxRetryAfter   a Retry-After longer than this is not waited for: the call fails at once
 * @param maxBatchSize    calls per JSON-RPC batch; larger batches are split
 */
@ConfigurationProperties("kaizen.rpc")
public record RpcProperties(
        @DefaultValue("10s") Duration callTimeout,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("4MB") DataSize maxResponseSize,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("250ms") Duration initialBackoff,
        @DefaultValue("4s") Duration maxBackoff,
        @DefaultValue("10s") Duration maxRetryAfter,
        @DefaultValue("50") int maxBatchSize) {

    public static RpcProperties defaults() {
        return new RpcProperties(Duration.ofSeconds(10), Duration.ofSeconds(3), DataSize.ofMegabytes(4), 4,
                Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(10), 50);
    }
}
