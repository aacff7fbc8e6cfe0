package ai.kaizen.auth.account;

import java.util.UUID;

/** Published inside the password-change transaction so sessions can be ended atomically with it. */
public record PasswordChanged(UUID accountId) {
}
