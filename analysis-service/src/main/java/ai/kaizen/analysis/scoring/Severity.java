package ai.kaizen.analysis.scoring;

/** How bad a finding is; orders from harmless to worst. */
public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL;

    /** The lower-case name used as an alert level. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
