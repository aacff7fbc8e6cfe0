package ai.kaizen.common.messaging;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter: the n-th failed delivery waits {@code base × multiplier^(n-1)},
 * capped at {@code max}, then scattered by ±{@code jitter} (a fraction) so that a burst of failures
 * does not come back as a burst.
 */
public record BackoffPolicy(Duration base, Duration max, double multiplier, double jitter) {

    public BackoffPolicy {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("Backoff needs 0 < base <= max, got " + base + " and " + max);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("Backoff multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0.0 || jitter >= 1.0) {
            throw new IllegalArgumentException("Backoff jitter is a fraction in [0, 1), got " + jitter);
        }
    }

    /** The delay after the given failed delivery (1 = the first delivery failed), before jitter. */
    public Duration nominal(long failedDeliveries) {
        if (failedDeliveries < 1) {
            throw new IllegalArgumentException("failedDeliveries starts at 1, got " + failedDeliveries);
        }
        double millis = base.toMillis() * Math.pow(multiplier, failedDeliveries - 1);
        return Duration.ofMillis((long) Math.min(millis, max.toMillis()));
    }

    /** The delay to wait, with jitter drawn from {@code random}; never above {@link #max()}. */
    public Duration delay(long failedDeliveries, RandomGenerator random) {
        long nominal = nominal(failedDeliveries).toMillis();
        double factor = 1.0 + jitter * (2.0 * random.nextDouble() - 1.0);
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(1L, Math.round(nominal * factor))));
    }
}
