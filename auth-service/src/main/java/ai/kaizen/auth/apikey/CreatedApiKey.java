package ai.kaizen.auth.apikey;

import java.time.Instant;
import java.util.UUID;

/** The answer to creating a key: the only time {@code key} is ever shown. */
public record CreatedApiKey(UUID id, String name, String prefix, String key, Instant createdAt) {
}
