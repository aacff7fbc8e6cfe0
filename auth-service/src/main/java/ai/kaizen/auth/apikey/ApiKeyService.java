package ai.kaizen.auth.apikey;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.auth.problem.AuthProblem;
import ai.kaizen.auth.token.OpaqueTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** API keys for bots: random {@code kz_} secrets stored as SHA-256, owned by one account each. */
@Service
public class ApiKeyService {

    static final String KEY_PREFIX = "kz_";
    /** {@code kz_} and the first 8 random characters: enough to tell keys apart, useless to an attacker. */
    static final int DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length() + 8;
    static final int MAX_NAME_LENGTH = 100;

    /** The owner of a presented key. */
    public record KeyOwner(UUID keyId, UUID accountId) {
    }

    private final JdbcClient jdbc;
    private final ApiKeyProperties properties;
    private final Clock clock;

    ApiKeyService(JdbcClient jdbc, ApiKeyProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public CreatedApiKey create(UUID accountId, @Nullable String name) {
        if (name == null || name.isBlank()) {
            throw AuthProblem.badRequest("api-key-name-required", "name is required.");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw AuthProblem.badRequest("api-key-name-too-long",
                    "name must be at most " + MAX_NAME_LENGTH + " characters.");
        }
        // Serialize creations per account so the limit below cannot be overrun by parallel requests.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(:key))")
                .param("key", "auth.api-keys:" + accountId)
                .query((rs, row) -> 1).list();
        int active = jdbc.sql("SELECT count(*) FROM api_keys WHERE user_id = :user AND revoked_at IS NULL")
                .param("user", accountId)
                .query(Integer.class)
                .single();
        if (active >= properties.maxPerAccount()) {
            throw AuthProblem.conflict("api-key-limit",
                    "An account may hold at most " + properties.maxPerAccount() + " active API keys; revoke one first.");
        }
        String key = OpaqueTokens.generate(KEY_PREFIX);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String prefix = key.substring(0, DISPLAY_PREFIX_LENGTH);
        jdbc.sql("""
                        INSERT INTO api_keys (id, user_id, name, prefix, key_hash, created_at)
                        VALUES (:id, :user, :name, :prefix, :hash, :now)""")
                .param("id", id)
                .param("user", accountId)
                .param("name", trimmed)
                .param("prefix", prefix)
                .param("hash", OpaqueTokens.sha256(key))
                .param("now", utc(now))
                .update();
        return new CreatedApiKey(id, trimmed, prefix, key, now);
    }

    public List<ApiKeyView> list(UUID accountId) {
        return jdbc.sql("""
                        SELECT id, name, prefix, created_at, last_used_at FROM api_keys
                        WHERE user_id = :user AND revoked_at IS NULL ORDER BY created_at, id""")
                .param("user", accountId)
                .query((rs, row) -> {
                    OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
                    return new ApiKeyView(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("prefix"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            lastUsed == null ? null : lastUsed.toInstant());
                })
                .list();
    }

    /** Revokes one of the caller's keys; another account's key id is indistinguishable from an unknown one (404). */
    public void revoke(UUID accountId, UUID keyId) {
        int updated = jdbc.sql("""
                        UPDATE api_keys SET revoked_at = coalesce(revoked_at, :now)
                        WHERE id = :id AND user_id = :user""")
                .param("id", keyId)
                .param("user", accountId)
                .param("now", utc(clock.instant()))
                .update();
        if (updated == 0) {
            throw AuthProblem.notFound("No API key " + keyId + " belongs to this account.");
        }
    }

    /** The owner of an active key, noting its use; empty for unknown or revoked keys. */
    public Optional<KeyOwner> authenticate(@Nullable String presented) {
        if (presented == null || !presented.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE api_keys SET last_used_at = :now
                        WHERE key_hash = :hash AND revoked_at IS NULL
                        RETURNING id, user_id""")
                .param("hash", OpaqueTokens.sha256(presented.strip()))
                .param("now", utc(clock.instant()))
                .query((rs, row) -> new KeyOwner(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
