package ai.kaizen.analysis.scoring;

/** Whether a finding says what someone could do, or shows what did happen. */
public enum FindingKind {
    /** Someone <em>can</em> do something (the owner can mint). The trust list may soften these. */
    CAPABILITY,
    /** Something <em>did</em> happen or was measured (a simulated sell failed). Never softened. */
    EVIDENCE
}
