package ai.kaizen.auth.account;

import java.util.Locale;
import java.util.regex.Pattern;

import ai.kaizen.auth.problem.AuthProblem;
import org.jspecify.annotations.Nullable;

/** E-mail addresses are compared and stored in one normalized form: trimmed and lower-case. */
public final class EmailAddresses {

    /** One {@code @}, no whitespace, a dotted domain: strict enough to catch typos, loose enough for real addresses. */
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private EmailAddresses() {
    }

    public static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Normalizes the address and rejects it with a 400 problem when it cannot be an e-mail address. */
    public static String validated(@Nullable String email) {
        if (email == null || email.isBlank()) {
            throw AuthProblem.badRequest("email-required", "email is required.");
        }
        String normalized = normalize(email);
        if (normalized.length() > 254 || !SHAPE.matcher(normalized).matches()) {
            throw AuthProblem.badRequest("email-invalid", "email is not a valid e-mail address.");
        }
        return normalized;
    }

    static String localPart(String normalizedEmail) {
        int at = normalizedEmail.indexOf('@');
        return at < 0 ? normalizedEmail : normalizedEmail.substring(0, at);
    }
}
