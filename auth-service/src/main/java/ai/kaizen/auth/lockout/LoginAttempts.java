package ai.kaizen.auth.lockout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import ai.kaizen.auth.problem.AuthProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed logins per e-mail address in PostgreSQL (no Redis involved, so lockout holds
 * whatever else is down) and locks an address after too many failures within the window.
 */
@Component
public class LoginAttempts {

    private final JdbcClient jdbc;
    private final LockoutProperties properties;
    private final Clock clock;

    public LoginAttempts(JdbcClient jdbc, LockoutProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Takes a transaction-scoped lock on the address, then refuses with 429 while it is locked out.
     * The lock makes concurrent guesses for one address wait for each other, so a burst of parallel
     * requests cannot slip more than the allowed number of guesses past the counter.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void checkNotLockedOut(String email) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "auth.login:" + email)
                .query((rs, row) -> 1).list();
        lockedOutFor(email).ifPresent(wait -> {
            throw AuthProblem.tooManyAttempts(
                    "Too many failed logins for this account; try again in " + Math.max(1, wait.toSeconds())
                            + " seconds.", wait);
        });
    }

    /** How long the address stays locked, if it is: until the oldest of the last N failures leaves the window. */
    public Optional<Duration> lockedOutFor(String email) {
        Instant now = clock.instant();
        Optional<OffsetDateTime> nthLatest = jdbc.sql("""
                        SELECT attempted_at FROM login_attempts
                        WHERE email = :email AND attempted_at > :since
                        ORDER BY attempted_at DESC OFFSET :skip LIMIT 1""")
                .param("email", email)
                .param("since", utc(now.minus(properties.window())))
                .param("skip", properties.maxFailures() - 1)
                .query(OffsetDateTime.class)
                .optional();
        return nthLatest
                .map(at -> Duration.between(now, at.toInstant().plus(properties.window())))
                .filter(wait -> wait.isPositive());
    }

    public void recordFailure(String email) {
        Instant now = clock.instant();
        jdbc.sql("INSERT INTO login_attempts (email, attempted_at) VALUES (:email, :at)")
                .param("email", email)
                .param("at", utc(now))
                .update();
    }

    /** A successful login forgets this address's earlier failures (and only this address's). */
    public void clear(String email) {
        jdbc.sql("DELETE FROM login_attempts WHERE email = :email").param("email", email).update();
    }

    @Scheduled(fixedDelayString = "${kaizen.auth.housekeeping-interval:PT1H}",
            initialDelayString = "${kaizen.auth.housekeeping-interval:PT1H}")
    public int purgeExpired() {
        return jdbc.sql("DELETE FROM login_attempts WHERE attempted_at < :before")
                .param("before", utc(clock.instant().minus(properties.window())))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
