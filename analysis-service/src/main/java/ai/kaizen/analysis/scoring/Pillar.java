package ai.kaizen.analysis.scoring;

/** The four pillars of the Kaizen score. */
public enum Pillar {
    /** Contract capabilities and behaviour. */
    TECHNICAL,
    /** Taxes, liquidity, LP lock/burn, holder concentration, market. */
    ECONOMIC,
    /** Who controls the token: owner, admin keys, upgradeability, deployer reputation. */
    GOVERNANCE,
    /** Sentiment, activity, manipulation signals. */
    SOCIAL;

    /** The lower-case name used in the API's {@code breakdown} and alert categories. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
