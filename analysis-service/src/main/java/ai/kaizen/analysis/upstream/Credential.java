package ai.kaizen.analysis.upstream;

/**
 * Whose authority a call to another service runs under: the user's own bearer token (requests) or
 * analysis-service's account (background jobs, which outlive any user token).
 */
public sealed interface Credential {

    /** The caller's access token, forwarded as is. */
    record UserToken(String bearer) implements Credential {

        @Override
        public String toString() {
            return "UserToken[…]";
        }
    }

    /** analysis-service's own short-lived token from the API-key exchange ({@link ServiceCredentials}). */
    record Service() implements Credential {
    }

    Credential SERVICE = new Service();

    static Credential user(String bearer) {
        return new UserToken(bearer);
    }
}
