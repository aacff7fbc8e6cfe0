package ai.kaizen.auth.account;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import ai.kaizen.auth.problem.AuthProblem;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must satisfy (NIST SP 800-63B style: length and a deny-list rather than
 * composition rules). Each violation is a 400 problem whose {@code code} names the rule.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;
    /** Shorter identifiers would forbid ordinary passwords that merely share a letter or two. */
    private static final int MIN_IDENTIFIER_LENGTH = 3;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Throws a 400 {@link AuthProblem} naming the first rule the password breaks. */
    public static void check(@Nullable String password, String normalizedEmail, @Nullable String username) {
        if (password == null || password.isEmpty()) {
            throw AuthProblem.badRequest("password-required", "password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw AuthProblem.badRequest("password-too-short",
                    "The password must be at least " + MIN_LENGTH + " characters long.");
        }
        if (length > MAX_LENGTH) {
            throw AuthProblem.badRequest("password-too-long",
                    "The password must be at most " + MAX_LENGTH + " characters long.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String localPart = EmailAddresses.localPart(normalizedEmail);
        if (localPart.length() >= MIN_IDENTIFIER_LENGTH && lower.contains(localPart)) {
            throw AuthProblem.badRequest("password-contains-email",
                    "The password must not contain the e-mail address's name part.");
        }
        if (username != null && username.length() >= MIN_IDENTIFIER_LENGTH
                && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw AuthProblem.badRequest("password-contains-username", "The password must not contain the username.");
        }
        if (COMMON.contains(lower)) {
            throw AuthProblem.badRequest("password-too-common",
                    "The password is one of the most commonly used passwords; choose another.");
        }
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read common-passwords.txt", e);
        }
    }
}
