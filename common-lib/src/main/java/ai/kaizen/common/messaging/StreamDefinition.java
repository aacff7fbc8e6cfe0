package ai.kaizen.common.messaging;

/**
 * A stream a service consumes, with how much of it the service works on at once.
 *
 * @param key         the Redis stream key
 * @param concurrency how many transactions of this stream run at the same time in one process
 * @param priority    1 is the highest; when a process consumes several streams it reads the
 *                    higher-priority ones first and spends its shared in-flight budget there
 * @param maxBatch    how many entries one transaction may take (1 = one job per transaction, for
 *                    slow jobs; more for cheap high-volume events, committed and acknowledged together)
 */
public record StreamDefinition(String key, int concurrency, int priority, int maxBatch) {

    public StreamDefinition {
        if (key == null || key.isBlank() || key.contains(" ")) {
            throw new IllegalArgumentException("A stream key must be non-blank and without spaces: '" + key + "'");
        }
        if (concurrency < 1 || priority < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("concurrency, priority and maxBatch must be 1 or more for " + key);
        }
    }

    /** A stream processed one entry per transaction. */
    public static StreamDefinition of(String key, int concurrency, int priority) {
        return new StreamDefinition(key, concurrency, priority, 1);
    }

    public StreamDefinition withMaxBatch(int entries) {
        return new StreamDefinition(key, concurrency, priority, entries);
    }

    public StreamDefinition withConcurrency(int transactions) {
        return new StreamDefinition(key, transactions, priority, maxBatch);
    }

    /** Where this stream's entries go, per consumer group, once they have failed too often. */
    public static String deadLetterKey(String streamKey, String group) {
        return streamKey + ":dlq:" + group;
    }
}
