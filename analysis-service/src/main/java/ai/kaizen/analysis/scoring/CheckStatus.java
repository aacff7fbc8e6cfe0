package ai.kaizen.analysis.scoring;

/** What became of one check of an analysis. */
public enum CheckStatus {
    /** The check ran and its findings (if any) are in the result. */
    RAN,
    /** The check was not attempted (depth too shallow, no credentials configured...). */
    SKIPPED,
    /** The check was attempted and could not finish (RPC error, timeout, upstream down). */
    FAILED,
    /** The check does not apply to this token (a Solana check on an EVM token, no pool to inspect...). */
    NOT_APPLICABLE
}
