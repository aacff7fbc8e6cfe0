package ai.kaizen.auth.token;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import ai.kaizen.auth.account.Account;
import ai.kaizen.auth.account.AccountService;
import ai.kaizen.auth.problem.AuthProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sessions as refresh-token families: a login opens one, every refresh rotates its token, and
 * presenting a token that was already rotated (or revoked) ends the whole family — whoever holds
 * the newest token, attacker or owner, has to log in again.
 */
@Service
public class SessionService {

    private static final Logger log = LoggerFactory.getLogger(SessionService.class);

    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountService accounts;
    private final TransactionTemplate transactions;
    private final Clock clock;

    SessionService(RefreshTokens refreshTokens, AccessTokens accessTokens, AccountService accounts,
                   TransactionTemplate transactions, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.clock = clock;
    }

    public IssuedTokens open(Account account) {
        RefreshTokens.NewToken refresh = refreshTokens.issue(account.id(), UUID.randomUUID());
        return new IssuedTokens(accessTokens.issue(account), refresh.secret(), account);
    }

    public IssuedTokens refresh(@Nullable String presented) {
        if (presented == null || presented.isBlank()) {
            throw AuthProblem.badRequest("refresh-token-required", "refreshToken is required.");
        }
        // Decide inside the transaction, throw after it: a detected reuse must commit its revocation.
        Rotation rotation = transactions.execute(status -> rotate(presented));
        if (rotation.tokens() == null) {
            throw AuthProblem.unauthorized("invalid-refresh-token", rotation.failure());
        }
        return rotation.tokens();
    }

    private Rotation rotate(String presented) {
        Optional<RefreshTokens.Stored> found = refreshTokens.findForUpdate(presented);
        if (found.isEmpty()) {
            return Rotation.failed("The refresh token is not valid.");
        }
        RefreshTokens.Stored stored = found.get();
        if (stored.spent()) {
            int revoked = refreshTokens.revokeFamily(stored.familyId());
            if (stored.usedAt() != null && revoked > 0) {
                log.warn("Refresh token reuse detected for account {} (family {}); the family was revoked",
                        stored.userId(), stored.familyId());
            }
            return Rotation.failed("The refresh token was already used or revoked; the session has been ended.");
        }
        if (!stored.expiresAt().isAfter(clock.instant())) {
            return Rotation.failed("The refresh token has expired.");
        }
        Optional<Account> account = accounts.find(stored.userId()).filter(Account::active);
        if (account.isEmpty()) {
            refreshTokens.revokeFamily(stored.familyId());
            return Rotation.failed("The account is disabled or no longer exists.");
        }
        RefreshTokens.NewToken next = refreshTokens.issue(stored.userId(), stored.familyId());
        refreshTokens.markUsed(stored.id(), next.id());
        return new Rotation(new IssuedTokens(accessTokens.issue(account.get()), next.secret(), account.get()), "");
    }

    /** Ends the session the token belongs to; unknown tokens are ignored, so logout is idempotent. */
    public void logout(@Nullable String presented) {
        if (presented == null || presented.isBlank()) {
            throw AuthProblem.badRequest("refresh-token-required", "refreshToken is required.");
        }
        transactions.executeWithoutResult(status -> refreshTokens.findForUpdate(presented)
                .ifPresent(stored -> refreshTokens.revokeFamily(stored.familyId())));
    }

    private record Rotation(@Nullable IssuedTokens tokens, String failure) {

        static Rotation failed(String why) {
            return new Rotation(null, why);
        }
    }
}
