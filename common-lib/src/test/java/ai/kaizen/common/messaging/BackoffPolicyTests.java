package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class BackoffPolicyTests {

    private final BackoffPolicy policy = new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2.0, 0.2);

    @Test
    void nominalDelaysDoubleFromTheBaseUpToTheCap() {
        assertThat(policy.nominal(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.nominal(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.nominal(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.nominal(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.nominal(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.nominal(60)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void jitterStaysWithinItsFractionAndNeverExceedsTheCap() {
        RandomGenerator random = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 8; attempt++) {
            long nominal = policy.nominal(attempt).toMillis();
            for (int i = 0; i < 200; i++) {
                long delay = policy.delay(attempt, random).toMillis();
                assertThat(delay).isBetween(Math.round(nominal * 0.8), Math.min(Math.round(nominal * 1.2), 30_000));
            }
        }
    }

    @Test
    void jitterActuallyScattersTheDelays() {
        RandomGenerator random = new SplittableRandom(7);
        long first = policy.delay(3, random).toMillis();
        boolean differs = false;
        for (int i = 0; i < 20 && !differs; i++) {
            differs = policy.delay(3, random).toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void withoutJitterTheDelayIsTheNominalOne() {
        BackoffPolicy exact = new BackoffPolicy(Duration.ofMillis(100), Duration.ofMillis(350), 3.0, 0.0);
        RandomGenerator random = new SplittableRandom(1);
        assertThat(exact.delay(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(exact.delay(2, random)).isEqualTo(Duration.ofMillis(300));
        assertThat(exact.delay(3, random)).isEqualTo(Duration.ofMillis(350));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ZERO, Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 0.5, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BackoffPolicy(Duration.ofSeconds(1), Duration.ofSeconds(2), 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.nominal(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
