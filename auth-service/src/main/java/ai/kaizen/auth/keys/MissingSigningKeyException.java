package ai.kaizen.auth.keys;

/** Raised at startup outside development when no signing key is configured: there are no default secrets. */
public final class MissingSigningKeyException extends IllegalStateException {

    MissingSigningKeyException() {
        super("No JWT signing key is configured (kaizen.auth.keys.private-key / KAIZEN_JWT_PRIVATE_KEY is empty) "
                + "and ephemeral keys are not enabled; auth-service refuses to start without a signing key.");
    }
}
