package ai.kaizen.auth.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kaizen.auth.account.Account;
import ai.kaizen.auth.token.IssuedTokens;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of {@code /api/auth}. */
final class AuthApi {

    private AuthApi() {
    }

    record RegisterRequest(@Nullable String email, @Nullable String password, @Nullable String username) {
    }

    record LoginRequest(@Nullable String email, @Nullable String password) {
    }

    record RefreshRequest(@Nullable String refreshToken) {
    }

    record PasswordChangeRequest(@Nullable String currentPassword, @Nullable String newPassword) {
    }

    record UserSummary(UUID id, String email, @Nullable String username, String tier, List<String> roles) {

        static UserSummary of(Account account) {
            return new UserSummary(account.id(), account.email(), account.username(), account.tier(), account.roles());
        }
    }

    record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn, UserSummary user) {

        static TokenResponse of(IssuedTokens tokens) {
            return new TokenResponse(tokens.accessToken().value(), tokens.refreshToken(), "Bearer",
                    tokens.accessToken().expiresIn(), UserSummary.of(tokens.account()));
        }
    }

    /** {@code GET /me}: the account as stored, not as the token remembers it. */
    record AccountResponse(UUID id, String email, @Nullable String username, String tier, List<String> roles,
                           boolean verified, Instant createdAt, @Nullable Instant lastLogin) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.username(), account.tier(),
                    account.roles(), account.verified(), account.createdAt(), account.lastLogin());
        }
    }
}
