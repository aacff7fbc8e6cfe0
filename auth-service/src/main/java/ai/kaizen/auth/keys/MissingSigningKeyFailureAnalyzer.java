package ai.kaizen.auth.keys;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing signing key into a startup report that says exactly what to set. */
class MissingSigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<MissingSigningKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSigningKeyException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set KAIZEN_JWT_PRIVATE_KEY to an EC P-256 private key (PEM PKCS#8, e.g. "
                        + "'openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256', or a private JWK) "
                        + "and optionally KAIZEN_JWT_KEY_ID; or, for local development only, run with the 'dev' "
                        + "profile, which generates an ephemeral key.",
                cause);
    }
}
