package ai.kaizen.data.facts;

/** The address has no code at the latest block: an account, or a contract not (yet) deployed or self-destructed. */
public final class NoContractCodeException extends Exception {

    public NoContractCodeException(String message) {
        super(message, null, false, false);
    }
}
