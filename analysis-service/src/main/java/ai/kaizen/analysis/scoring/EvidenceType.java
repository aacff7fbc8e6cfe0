package ai.kaizen.analysis.scoring;

/** What an {@link Evidence} item points at. */
public enum EvidenceType {
    /** A function selector found in the dispatcher ({@code value} = 4-byte selector). */
    SELECTOR,
    /** A storage slot ({@code value} = slot, {@code detail} = what it holds). */
    STORAGE_SLOT,
    /** A simulated call ({@code value} = the call, {@code detail} = its result or revert). */
    SIMULATED_CALL,
    /** A transaction on chain ({@code value} = hash). */
    TRANSACTION,
    /** A holder's address ({@code detail} = what happened to it). */
    HOLDER,
    /** Any other address (owner, deployer, admin, locker, pool). */
    ADDRESS,
    /** A measured value ({@code value} = number as text, {@code detail} = what it measures). */
    VALUE,
    /** A free-text note. */
    NOTE
}
