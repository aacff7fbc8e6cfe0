package ai.kaizen.gateway.ratelimit;

/**
 * The outcome of counting one request against a bucket.
 *
 * @param allowed           whether the request is within the budget
 * @param enforced          false when no limit was applied (feature off or Redis unreachable)
 * @param limit             the bucket's budget per window
 * @param remaining         requests left in the current window
 * @param retryAfterSeconds seconds until the current window ends (at least 1)
 */
public record RateLimitDecision(boolean allowed, boolean enforced, long limit, long remaining, long retryAfterSeconds) {

    static RateLimitDecision unenforced(long limit) {
        return new RateLimitDecision(true, false, limit, limit, 0);
    }
}
