package ai.kaizen.auth.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
class Accounts {

    private static final String COLUMNS = """
            id, email, username, password_hash, subscription_tier, roles, created_at, last_login,
            is_verified, is_active""";

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAccount> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(Accounts::map)
                .optional();
    }

    Optional<StoredAccount> findByEmail(String normalizedEmail) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", normalizedEmail)
                .query(Accounts::map)
                .optional();
    }

    boolean emailExists(String normalizedEmail) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE email = :email)")
                .param("email", normalizedEmail)
                .query(Boolean.class)
                .single();
    }

    boolean usernameExists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE lower(username) = lower(:username))")
                .param("username", username)
                .query(Boolean.class)
                .single();
    }

    StoredAccount insert(String normalizedEmail, @Nullable String username, String passwordHash, Instant now) {
        return jdbc.sql("INSERT INTO users (email, username, password_hash, created_at, updated_at) "
                        + "VALUES (:email, :username, :hash, :now, :now) RETURNING " + COLUMNS)
                .param("email", normalizedEmail)
                .param("username", username, java.sql.Types.VARCHAR)
                .param("hash", passwordHash)
                .param("now", utc(now))
                .query(Accounts::map)
                .single();
    }

    void updatePasswordHash(UUID id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("hash", passwordHash)
                .param("now", utc(now))
                .update();
    }

    void recordLogin(UUID id, Instant now) {
        jdbc.sql("UPDATE users SET last_login = :now WHERE id = :id")
                .param("id", id)
                .param("now", utc(now))
                .update();
    }

    private static StoredAccount map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime lastLogin = rs.getObject("last_login", OffsetDateTime.class);
        Account account = new Account(
                rs.getObject("id", UUID.class),
                rs.getString("email"),
                rs.getString("username"),
                rs.getString("subscription_tier"),
                roles(rs.getArray("roles")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                lastLogin == null ? null : lastLogin.toInstant(),
                rs.getBoolean("is_verified"),
                rs.getBoolean("is_active"));
        return new StoredAccount(account, rs.getString("password_hash"));
    }

    private static List<String> roles(Array array) throws SQLException {
        return List.of((String[]) array.getArray());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
