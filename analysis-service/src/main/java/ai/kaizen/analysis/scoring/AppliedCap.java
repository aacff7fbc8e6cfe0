package ai.kaizen.analysis.scoring;

/**
 * A cap or severity ceiling that limited the score.
 *
 * @param code     the finding code that forced it
 * @param maxScore the highest score it allows
 * @param reason   why, for users
 */
public record AppliedCap(String code, int maxScore, String reason) {
}
