package ai.kaizen.analysis.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Writes the lines of {@link ScoreResult#explanation()}: every number that makes the score, in order. */
final class Explanation {

    private final List<String> lines = new ArrayList<>();

    Explanation(ScoringRules rules, List<Finding> findings, Map<Pillar, ScoringEngine.PillarScore> pillars,
                BigDecimal weighted, int uncapped, List<AppliedCap> caps, List<AppliedCap> ceilings,
                int kaizenScore, RiskLevel riskLevel) {
        for (Pillar pillar : Pillar.values()) {
            ScoringEngine.PillarScore score = pillars.get(pillar);
            lines.add(pillarLine(rules, findings, score));
            lines.add(coverageLine(score, rules.unknownPillarScore()));
        }
        StringJoiner terms = new StringJoiner(" + ");
        StringJoiner products = new StringJoiner(" + ");
        for (Pillar pillar : Pillar.values()) {
            BigDecimal weight = rules.weights().get(pillar);
            int value = pillars.get(pillar).effective();
            terms.add(plain(weight) + " × " + value);
            products.add(plain(weight.multiply(BigDecimal.valueOf(value))));
        }
        lines.add("weighted: " + terms + " = " + products + " = " + plain(weighted) + " → " + uncapped);
        for (AppliedCap cap : caps) {
            lines.add("cap " + cap.code() + ": " + cap.reason() + " → at most " + cap.maxScore());
        }
        for (AppliedCap ceiling : ceilings) {
            lines.add("ceiling " + ceiling.code() + ": " + ceiling.reason() + " → at most " + ceiling.maxScore());
        }
        lines.add("kaizenScore " + kaizenScore + " → " + riskLevel.label());
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    private static String pillarLine(ScoringRules rules, List<Finding> findings, ScoringEngine.PillarScore score) {
        StringBuilder line = new StringBuilder(score.pillar().label()).append(": 100");
        boolean any = false;
        for (Finding finding : findings) {
            if (finding.pillar() != score.pillar() || finding.impact() == 0) {
                continue;
            }
            any = true;
            String title = FindingCode.byCode(finding.code()).map(FindingCode::title).orElse(finding.message());
            line.append(" − ").append(finding.impact()).append(' ').append(finding.code()).append(" (").append(title);
            if (finding.softenedBy() != null) {
                line.append("; ").append(rules.pointsFor(finding.code(), finding.severity())).append(" × ")
                        .append(plain(rules.trustSoftening())).append(", trusted: ").append(finding.softenedBy());
            }
            line.append(')');
        }
        if (!any) {
            line.append(" − 0 (no deductions)");
        }
        line.append(" = ");
        if (score.deducted() > 100) {
            line.append('−').append(score.deducted() - 100).append(", floored at 0");
        } else {
            line.append(score.measured());
        }
        return line.toString();
    }

    private static String coverageLine(ScoringEngine.PillarScore score, int unknownPillarScore) {
        String label = score.pillar().label();
        int measured = score.measured();
        String unknown = "min(" + measured + ", " + unknownPillarScore + ") = " + score.unknown();
        if (score.applicable().signum() == 0) {
            return label + " coverage: no applicable check, unknown counts as " + unknown + " → " + score.effective();
        }
        if (score.ran().compareTo(score.applicable()) == 0) {
            return label + " coverage: all checks ran (weight " + plain(score.ran()) + ") → " + score.effective();
        }
        BigDecimal missing = score.applicable().subtract(score.ran());
        BigDecimal exact = score.ran().multiply(BigDecimal.valueOf(measured))
                .add(missing.multiply(BigDecimal.valueOf(score.unknown())));
        BigDecimal shown = exact.divide(score.applicable(), 4, RoundingMode.HALF_UP);
        String equals = shown.multiply(score.applicable()).compareTo(exact) == 0 ? " = " : " ≈ ";
        return label + " coverage: checks of weight " + plain(score.ran()) + " of " + plain(score.applicable())
                + " ran, the rest counts as " + unknown + " → (" + plain(score.ran()) + " × " + measured + " + "
                + plain(missing) + " × " + score.unknown() + ") / " + plain(score.applicable()) + equals
                + plain(shown) + " → " + score.effective();
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
