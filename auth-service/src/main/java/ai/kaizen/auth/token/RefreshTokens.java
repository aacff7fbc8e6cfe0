package ai.kaizen.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.auth.account.PasswordChanged;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The {@code refresh_tokens} table: opaque tokens stored as SHA-256 hashes, grouped in families
 * (one per login). Callers run these inside a transaction.
 */
@Repository
class RefreshTokens {

    /** A stored token, looked up by the hash of what the client presented. */
    record Stored(UUID id, UUID familyId, UUID userId, Instant expiresAt, @Nullable Instant usedAt,
                  @Nullable Instant revokedAt) {

        boolean spent() {
            return usedAt != null || revokedAt != null;
        }
    }

    private final JdbcClient jdbc;
    private final TokenProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, TokenProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Stores a new token in the family and returns its id and the secret the client gets (only once). */
    NewToken issue(UUID userId, UUID familyId) {
        String secret = OpaqueTokens.generate("");
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO refresh_tokens (id, token_hash, family_id, user_id, issued_at, expires_at)
                        VALUES (:id, :hash, :family, :user, :now, :expires)""")
                .param("id", id)
                .param("hash", OpaqueTokens.sha256(secret))
                .param("family", familyId)
                .param("user", userId)
                .param("now", utc(now))
                .param("expires", utc(now.plus(properties.refreshTokenTtl())))
                .update();
        return new NewToken(id, secret);
    }

    record NewToken(UUID id, String secret) {
    }

    /** Finds the token and locks its row, so two concurrent uses of one token cannot both rotate it. */
    Optional<Stored> findForUpdate(String secret) {
        return jdbc.sql("""
                        SELECT id, family_id, user_id, expires_at, used_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash FOR UPDATE""")
                .param("hash", OpaqueTokens.sha256(secret))
                .query((rs, row) -> new Stored(
                        rs.getObject("id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("used_at", OffsetDateTime.class)),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))))
                .optional();
    }

    void markUsed(UUID id, UUID replacedBy) {
        jdbc.sql("UPDATE refresh_tokens SET used_at = :now, replaced_by = :next WHERE id = :id")
                .param("id", id)
                .param("next", replacedBy)
                .param("now", utc(clock.instant()))
                .update();
    }

    int revokeFamily(UUID familyId) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("family", familyId)
                .param("now", utc(clock.instant()))
                .update();
    }

    int revokeAllOf(UUID userId) {
        return jdbc.sql("UPDATE refresh_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", userId)
                .param("now", utc(clock.instant()))
                .update();
    }

    /** Runs synchronously inside the password-change transaction. */
    @EventListener
    void on(PasswordChanged event) {
        revokeAllOf(event.accountId());
    }

    /** Expired tokens are useless; they are kept a while for forensics, then deleted. */
    @Scheduled(fixedDelayString = "${kaizen.auth.housekeeping-interval:PT1H}",
            initialDelayString = "${kaizen.auth.housekeeping-interval:PT1H}")
    void purgeExpired() {
        jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :before")
                .param("before", utc(clock.instant().minus(properties.refreshTokenRetention())))
                .update();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
