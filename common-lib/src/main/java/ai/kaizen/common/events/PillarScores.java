package ai.kaizen.common.events;

/** The four pillar scores (0–100) of an analysis, as its API's {@code breakdown}. */
public record PillarScores(int technical, int economic, int social, int governance) {
}
