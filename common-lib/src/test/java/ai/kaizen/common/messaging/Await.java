package ai.kaizen.common.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition with a generous upper bound; the bound only keeps a broken test from hanging. */
final class Await {

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(60), condition);
    }

    static void until(String what, Duration bound, BooleanSupplier condition) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting for: " + what);
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for: " + what);
            }
        }
    }

    static <T> T value(String what, Supplier<T> supplier, java.util.function.Predicate<T> done) {
        @SuppressWarnings("unchecked")
        T[] last = (T[]) new Object[1];
        until(what, () -> done.test(last[0] = supplier.get()));
        return last[0];
    }
}
