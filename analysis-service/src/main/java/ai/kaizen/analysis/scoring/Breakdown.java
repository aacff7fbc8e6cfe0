package ai.kaizen.analysis.scoring;

/** The four pillar scores (0–100) that the Kaizen score combines, as the API shows them. */
public record Breakdown(int technical, int economic, int social, int governance) {

    public int of(Pillar pillar) {
        return switch (pillar) {
            case TECHNICAL -> technical;
            case ECONOMIC -> economic;
            case SOCIAL -> social;
            case GOVERNANCE -> governance;
        };
    }
}
