package ai.kaizen.analysis.scoring;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the tables of {@code docs/scoring.md} from the rules and the catalogue, so the page users read is the
 * configuration that runs. The page keeps them between {@code <!-- BEGIN GENERATED: name -->} and
 * {@code <!-- END GENERATED: name -->} markers; a test fails when they differ.
 */
public final class RulesDocumentation {

    private RulesDocumentation() {
    }

    /** Weights, unknown-pillar rule, severity points, ceilings, caps and the trust list. */
    public static String rulesSection(ScoringRules rules) {
        StringBuilder out = new StringBuilder();
        out.append("| pillar | weight |\n|---|---|\n");
        rules.weights().forEach((pillar, weight) -> out.append("| ").append(pillar.label()).append(" | ")
                .append(plain(weight)).append(" |\n"));
        out.append("\nA pillar whose checks did not run counts as at most **").append(rules.unknownPillarScore())
                .append("**.\n\n");

        out.append("| severity | points | best score allowed while such a finding is present |\n|---|---|---|\n");
        rules.severityPoints().forEach((severity, points) -> {
            Integer ceiling = rules.severityCeilings().get(severity);
            out.append("| ").append(severity.label()).append(" | ").append(points).append(" | ")
                    .append(ceiling == null ? "no limit" : ceiling + " (" + RiskLevel.of(ceiling).label() + ")")
                    .append(" |\n");
        });

        out.append("\n| cap | when | score at most | why |\n|---|---|---|---|\n");
        for (ScoringRules.Cap cap : rules.caps()) {
            out.append("| `").append(cap.code()).append("` | ")
                    .append(cap.atLeast() == null ? "any finding" : "measure ≥ " + plain(cap.atLeast()) + unit(rules, cap.code()))
                    .append(" | ").append(cap.maxScore()).append(" | ").append(cap.reason()).append(" |\n");
        }

        out.append("\nTrust-list softening factor for capability findings: **").append(plain(rules.trustSoftening()))
                .append("**.\n\n| network | address | token |\n|---|---|---|\n");
        for (ScoringRules.TrustedToken token : rules.trustList()) {
            out.append("| ").append(token.network()).append(" | `").append(token.address()).append("` | ")
                    .append(token.name()).append(" |\n");
        }
        return out.toString();
    }

    /** Every finding code with its pillar, kind, default severity, cost and why. */
    public static String catalogueSection(ScoringRules rules) {
        StringBuilder out = new StringBuilder(
                "| code | finding | pillar | kind | severity | cost (points) | why |\n|---|---|---|---|---|---|---|\n");
        for (FindingCode code : FindingCode.values()) {
            out.append("| `").append(code.code()).append("` | ").append(code.title()).append(" | ")
                    .append(code.pillar().label()).append(" | ").append(code.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(" | ").append(rules.grades().containsKey(code.code()) ? "by measure"
                            : code.defaultSeverity().label())
                    .append(" | ").append(cost(rules, code)).append(" | ").append(code.why()).append(" |\n");
        }
        return out.toString();
    }

    /** {@code document} with the named generated block replaced by {@code content}. */
    public static String replaceGenerated(String document, String name, String content) {
        Matcher block = block(name).matcher(document);
        if (!block.find()) {
            throw new IllegalArgumentException("no generated block '" + name + "' in the document");
        }
        return document.substring(0, block.start(1)) + "\n" + content + document.substring(block.end(1));
    }

    /** The content of the named generated block, without the surrounding newline. */
    public static String generated(String document, String name) {
        Matcher block = block(name).matcher(document);
        if (!block.find()) {
            throw new IllegalArgumentException("no generated block '" + name + "' in the document");
        }
        return block.group(1).substring(1);
    }

    private static Pattern block(String name) {
        return Pattern.compile("<!-- BEGIN GENERATED: " + Pattern.quote(name) + " -->(.*?)<!-- END GENERATED: "
                + Pattern.quote(name) + " -->", Pattern.DOTALL);
    }

    private static String cost(ScoringRules rules, FindingCode code) {
        String cost;
        Integer fixed = rules.fixedPoints().get(code.code());
        ScoringRules.Grade grade = rules.grades().get(code.code());
        if (fixed != null) {
            cost = fixed + " (fixed)";
        } else if (grade != null) {
            StringJoiner bands = new StringJoiner("; ");
            for (Map.Entry<Severity, Double> band : grade.thresholds().entrySet()) {
                bands.add((grade.lowerIsWorse() ? "≤ " : "≥ ") + plain(band.getValue()) + ": "
                        + band.getKey().label() + " " + rules.severityPoints().get(band.getKey()));
            }
            cost = grade.unit() + " " + bands + "; otherwise 0";
        } else {
            cost = rules.severityPoints().get(code.defaultSeverity()) + "";
        }
        StringBuilder notes = new StringBuilder(cost);
        for (ScoringRules.Cap cap : rules.caps()) {
            if (cap.code().equals(code.code())) {
                notes.append("; **caps the score at ").append(cap.maxScore()).append("**")
                        .append(cap.atLeast() == null ? "" : " from " + plain(cap.atLeast()) + unit(rules, code.code()));
            }
        }
        if (code.kind() == FindingKind.CAPABILITY && fixed == null) {
            notes.append("; trusted token: × ").append(plain(rules.trustSoftening()));
        }
        return notes.toString();
    }

    private static String unit(ScoringRules rules, String code) {
        ScoringRules.Grade grade = rules.grades().get(code);
        return grade == null ? "" : " " + grade.unit();
    }

    private static String plain(double number) {
        return plain(BigDecimal.valueOf(number));
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }
}
