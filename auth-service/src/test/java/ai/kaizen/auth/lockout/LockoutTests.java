package ai.kaizen.auth.lockout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ai.kaizen.auth.AuthIntegrationTest;
import ai.kaizen.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutTests extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() {
        String email = uniqueEmail("locked");
        String bystander = uniqueEmail("bystander");
        register(email, PASSWORD);
        register(bystander, PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertProblem(login(email, "wrong-password-" + i), 401);
        }
        Response locked = login(email, PASSWORD);
        assertProblem(locked, 429);
        assertThat(locked.text("code")).isEqualTo("locked-out");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(locked.json().path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(locked.raw().body()).doesNotContain("accessToken");

        // Same address in another spelling is the same account, so it is locked too.
        assertThat(login(email.toUpperCase(), PASSWORD).status()).isEqualTo(429);
        // Nobody else is affected.
        assertThat(login(bystander, PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void unknownAddressesLockTheSameWaySoLockoutRevealsNothing() {
        String nobody = uniqueEmail("ghost");
        for (int i = 0; i < 5; i++) {
            assertProblem(login(nobody, PASSWORD), 401);
        }
        assertProblem(login(nobody, PASSWORD), 429);
    }

    @Test
    void aSuccessfulLoginClearsOnlyItsOwnAddressesFailures() {
        String email = uniqueEmail("clears");
        String other = uniqueEmail("other");
        register(email, PASSWORD);
        register(other, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "nope-" + i).status()).isEqualTo(401);
            assertThat(login(other, "nope-" + i).status()).isEqualTo(401);
        }
        assertThat(login(email, PASSWORD).status()).isEqualTo(200);

        for (int i = 0; i < 4; i++) {
            assertThat(login(email, "again-" + i).status()).isEqualTo(401);
        }
        assertThat(login(email, PASSWORD).status()).as("4 new failures after a success do not lock").isEqualTo(200);
        // The other address still has its 4 failures: one more locks it.
        assertThat(login(other, "nope-5").status()).isEqualTo(401);
        assertThat(login(other, PASSWORD).status()).isEqualTo(429);
    }

    @Test
    void parallelGuessesCannotOverrunTheLimit() throws Exception {
        String email = uniqueEmail("burst");
        register(email, PASSWORD);
        List<Callable<Integer>> guesses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String guess = "parallel-guess-" + i;
            guesses.add(() -> login(email, guess).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Integer> status : pool.invokeAll(guesses)) {
                statuses.add(status.get());
            }
        }
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 429).hasSize(3);
    }

    @Test
    void lockoutNeedsNoRedisAtAll() {
        assertThat(ClassUtils.isPresent("org.springframework.data.redis.connection.RedisConnectionFactory", null))
                .as("auth-service does not even have a Redis client").isFalse();
        assertThat(context.getBeanNamesForType(Object.class))
                .noneMatch(name -> name.toLowerCase().contains("redis"));
    }

    @Test
    void theLockLiftsWhenTheOldestCountedFailureLeavesTheWindow() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        LoginAttempts attempts = new LoginAttempts(jdbc, new LockoutProperties(3, Duration.ofMinutes(10)), clock);
        String email = uniqueEmail("window");

        attempts.recordFailure(email);
        clock.advance(Duration.ofMinutes(2));
        attempts.recordFailure(email);
        assertThat(attempts.lockedOutFor(email)).as("two of three").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        attempts.recordFailure(email);
        assertThat(attempts.lockedOutFor(email)).contains(Duration.ofMinutes(7));

        clock.advance(Duration.ofMinutes(6));
        assertThat(attempts.lockedOutFor(email)).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(attempts.lockedOutFor(email)).as("the first failure left the window").isEmpty();

        attempts.recordFailure(email);
        assertThat(attempts.lockedOutFor(email)).as("failures 2, 3 and 4 are within 10 minutes")
                .contains(Duration.ofMinutes(2));

        attempts.clear(email);
        assertThat(attempts.lockedOutFor(email)).isEmpty();
    }
}
