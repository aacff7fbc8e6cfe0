package ai.kaizen.auth.account;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An account as the rest of the service sees it (never with its password hash). */
public record Account(
        UUID id,
        String email,
        @Nullable String username,
        String tier,
        List<String> roles,
        Instant createdAt,
        @Nullable Instant lastLogin,
        boolean verified,
        boolean active) {
}
