package ai.kaizen.auth.apikey;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A key as listed: never the secret, only the prefix that helps recognise it. */
public record ApiKeyView(UUID id, String name, String prefix, Instant createdAt, @Nullable Instant lastUsedAt) {
}
