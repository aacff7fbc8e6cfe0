package ai.kaizen.auth.account;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import ai.kaizen.auth.lockout.LoginAttempts;
import ai.kaizen.auth.problem.AuthProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration, password login (with lockout) and password change. */
@Service
public class AccountService {

    private static final Logger log = LoggerFactory.getLogger(AccountService.class);
    private static final Pattern USERNAME = Pattern.compile("^[A-Za-z0-9_.-]{3,50}$");

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final LoginAttempts attempts;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    /** Checked against when the e-mail is unknown, so a miss costs as much time as a wrong password. */
    private final String decoyHash;

    AccountService(Accounts accounts, PasswordEncoder passwords, LoginAttempts attempts,
                   TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.attempts = attempts;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.decoyHash = passwords.encode(UUID.randomUUID().toString());
    }

    public Account register(@Nullable String email, @Nullable String password, @Nullable String username) {
        String normalized = EmailAddresses.validated(email);
        String name = username == null || username.isBlank() ? null : username.strip();
        if (name != null && !USERNAME.matcher(name).matches()) {
            throw AuthProblem.badRequest("username-invalid",
                    "username must be 3 to 50 characters: letters, digits, '.', '_' or '-'.");
        }
        PasswordPolicy.check(password, normalized, name);
        if (accounts.emailExists(normalized)) {
            throw emailTaken();
        }
        if (name != null && accounts.usernameExists(name)) {
            throw usernameTaken();
        }
        String hash = passwords.encode(password);
        try {
            return accounts.insert(normalized, name, hash, clock.instant()).account();
        } catch (DuplicateKeyException e) {
            // Lost a race with a concurrent registration; the unique indexes are the final word.
            throw String.valueOf(e.getMessage()).contains("users_username_key") ? usernameTaken() : emailTaken();
        }
    }

    /**
     * Checks the password under the address's lockout. Failures are recorded (and committed) for
     * unknown addresses too, so lockout reveals nothing about which addresses have accounts.
     */
    public Account login(@Nullable String email, @Nullable String password) {
        if (email == null || email.isBlank() || password == null || password.isEmpty()) {
            throw AuthProblem.badRequest("credentials-required", "email and password are required.");
        }
        String normalized = EmailAddresses.normalize(email);
        Optional<StoredAccount> verified = verifyUnderLockout(normalized, password, null);
        StoredAccount stored = verified.orElseThrow(() ->
                AuthProblem.unauthorized("invalid-credentials", "The email or password is incorrect."));
        if (!stored.account().active()) {
            throw AuthProblem.forbidden("account-disabled", "This account is disabled.");
        }
        if (passwords.upgradeEncoding(stored.passwordHash())) {
            accounts.updatePasswordHash(stored.account().id(), passwords.encode(password), clock.instant());
        }
        accounts.recordLogin(stored.account().id(), clock.instant());
        return stored.account();
    }

    /**
     * Changes the password of the signed-in account. The current password is required (and its
     * guesses count toward lockout); all refresh tokens are revoked in the same transaction.
     */
    public void changePassword(UUID accountId, @Nullable String currentPassword, @Nullable String newPassword) {
        if (currentPassword == null || currentPassword.isEmpty()) {
            throw AuthProblem.badRequest("current-password-required", "currentPassword is required.");
        }
        Account account = find(accountId)
                .filter(Account::active)
                .orElseThrow(() -> AuthProblem.unauthorized("account-unknown", "The account no longer exists."));
        PasswordPolicy.check(newPassword, account.email(), account.username());
        if (verifyUnderLockout(account.email(), currentPassword, accountId).isEmpty()) {
            throw AuthProblem.forbidden("current-password-mismatch", "The current password is incorrect.");
        }
        if (currentPassword.equals(newPassword)) {
            throw AuthProblem.badRequest("password-unchanged", "The new password must differ from the current one.");
        }
        String hash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            accounts.updatePasswordHash(accountId, hash, clock.instant());
            events.publishEvent(new PasswordChanged(accountId));
        });
        log.info("Password changed for account {}; its refresh tokens were revoked", accountId);
    }

    public Optional<Account> find(UUID id) {
        return accounts.findById(id).map(StoredAccount::account);
    }

    /**
     * One transaction: lock the address, refuse if locked out, check the password, then record
     * the failure or clear the counter. Returns the account only when the password matched.
     */
    private Optional<StoredAccount> verifyUnderLockout(String normalizedEmail, String password,
                                                       @Nullable UUID expectedAccount) {
        Optional<StoredAccount> result = transactions.execute(status -> {
            attempts.checkNotLockedOut(normalizedEmail);
            Optional<StoredAccount> found = accounts.findByEmail(normalizedEmail)
                    .filter(s -> expectedAccount == null || s.account().id().equals(expectedAccount));
            boolean matches;
            if (found.isPresent()) {
                matches = passwords.matches(password, found.get().passwordHash());
            } else {
                passwords.matches(password, decoyHash);
                matches = false;
            }
            if (!matches) {
                attempts.recordFailure(normalizedEmail);
                return Optional.<StoredAccount>empty();
            }
            attempts.clear(normalizedEmail);
            return found;
        });
        return result == null ? Optional.empty() : result;
    }

    private static AuthProblem emailTaken() {
        return AuthProblem.conflict("email-taken", "An account with this email already exists.");
    }

    private static AuthProblem usernameTaken() {
        return AuthProblem.conflict("username-taken", "This username is already taken.");
    }
}
