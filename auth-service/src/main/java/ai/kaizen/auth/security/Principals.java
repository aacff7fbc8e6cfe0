package ai.kaizen.auth.security;

import java.util.UUID;

import ai.kaizen.auth.problem.AuthProblem;
import org.springframework.security.oauth2.jwt.Jwt;

/** The signed-in account, as named by the validated access token. */
public final class Principals {

    private Principals() {
    }

    public static UUID accountId(Jwt jwt) {
        String subject = jwt.getSubject();
        try {
            return UUID.fromString(subject == null ? "" : subject);
        } catch (IllegalArgumentException e) {
            throw AuthProblem.unauthorized("invalid-subject", "The token's subject is not a Kaizen account.");
        }
    }
}
