package ai.kaizen.analysis.upstream;

/** Background work needs analysis-service's own credential and none is configured. */
public final class MissingServiceCredentialException extends RuntimeException {

    public MissingServiceCredentialException() {
        super("background analyses need analysis-service's own API key (KAIZEN_ANALYSIS_API_KEY): "
                + "it is exchanged at auth-service for the short-lived token data-service requires", null, false, false);
    }
}
