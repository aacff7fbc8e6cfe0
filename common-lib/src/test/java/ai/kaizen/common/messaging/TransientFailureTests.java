package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.lettuce.core.RedisConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures are outages that retry without end, and which count towards the dead-letter limit. */
class TransientFailureTests {

    @Test
    void outagesOfTheDatabaseOrRedisAreTransient() {
        assertThat(StreamConsumer.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("pool exhausted")))).isTrue();
        assertThat(StreamConsumer.isTransient(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(StreamConsumer.isTransient(new CannotAcquireLockException("deadlock"))).isTrue();
        assertThat(StreamConsumer.isTransient(new RuntimeException(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(StreamConsumer.isTransient(new SQLException("could not serialize access", "40001"))).isTrue();
        assertThat(StreamConsumer.isTransient(new RedisConnectionException("refused"))).isTrue();
    }

    @Test
    void failuresOfTheEventItselfAreNot() {
        assertThat(StreamConsumer.isTransient(new IllegalStateException("cannot digest"))).isFalse();
        assertThat(StreamConsumer.isTransient(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(StreamConsumer.isTransient(new IllegalArgumentException("payload", new NullPointerException()))).isFalse();
    }
}
