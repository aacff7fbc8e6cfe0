package ai.kaizen.analysis.scoring;

/** Risk levels at the seed's thresholds; {@link #label()} is the exact string of the API's {@code riskLevel}. */
public enum RiskLevel {
    LOW_RISK("Low Risk", 81),
    MODERATE_RISK("Moderate Risk", 61),
    HIGH_RISK("High Risk", 31),
    VERY_HIGH_RISK("Very High Risk", 0);

    private final String label;
    private final int minimum;

    RiskLevel(String label, int minimum) {
        this.label = label;
        this.minimum = minimum;
    }

    public String label() {
        return label;
    }

    /** The lowest score of this level. */
    public int minimum() {
        return minimum;
    }

    public static RiskLevel of(int score) {
        for (RiskLevel level : values()) {
            if (score >= level.minimum) {
                return level;
            }
        }
        return VERY_HIGH_RISK;
    }
}
