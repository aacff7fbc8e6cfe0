package ai.kaizen.analysis.scoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Turns findings and coverage into the Kaizen score. Pure: the same input and rules always give the same result,
 * whatever the order of findings and checks, and a stored result can be recomputed with {@link #rescore}.
 *
 * <p>How it works (docs/scoring.md explains it for users):
 * <ol>
 *   <li>each finding is graded (measured codes) and priced from the rules; capability findings of a trusted
 *       token cost {@code round(points × trustSoftening)}; a code counts once per pillar (its costliest
 *       instance);</li>
 *   <li>pillar = max(0, 100 − Σ impacts of its findings);</li>
 *   <li>unknown is never safe: with {@code ran} and {@code applicable} the pillar's check weights and
 *       {@code u = min(pillar, unknownPillarScore)}, the pillar counts as
 *       {@code round((ran × pillar + (applicable − ran) × u) / applicable)}, or {@code u} if nothing applied;</li>
 *   <li>kaizenScore = round(Σ weight × pillar), then limited by every cap whose evidence is present and by the
 *       ceiling of the worst finding the trust list does not soften.</li>
 * </ol>
 */
public final class ScoringEngine {

    private static final Comparator<Evidence> EVIDENCE_ORDER = Comparator.comparing(Evidence::type)
            .thenComparing(Evidence::value, Comparator.naturalOrder())
            .thenComparing(Evidence::detail, Comparator.nullsFirst(Comparator.naturalOrder()));

    private static final Comparator<List<Evidence>> EVIDENCE_LIST_ORDER = (left, right) -> {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int byItem = EVIDENCE_ORDER.compare(left.get(i), right.get(i));
            if (byItem != 0) {
                return byItem;
            }
        }
        return Integer.compare(left.size(), right.size());
    };

    /** Costliest first, then a total order over every field, so equal inputs in any order give equal lists. */
    static final Comparator<Finding> FINDING_ORDER = Comparator.<Finding>comparingInt(Finding::impact).reversed()
            .thenComparing(Finding::code)
            .thenComparing(Finding::pillar)
            .thenComparing(Finding::severity, Comparator.reverseOrder())
            .thenComparing(Finding::kind)
            .thenComparing(Finding::message)
            .thenComparing(Finding::measure, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Finding::evidence, EVIDENCE_LIST_ORDER)
            .thenComparing(Finding::softenedBy, Comparator.nullsFirst(Comparator.naturalOrder()));

    static final Comparator<CoverageCheck> CHECK_ORDER = Comparator.comparing(CoverageCheck::pillar)
            .thenComparing(CoverageCheck::id)
            .thenComparing(CoverageCheck::status)
            .thenComparing(CoverageCheck::reason, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparingDouble(CoverageCheck::weight);

    private final ScoringRules rules;
    private final String rulesVersion;

    public ScoringEngine(ScoringRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.rulesVersion = rules.version();
    }

    public ScoringRules rules() {
        return rules;
    }

    /** Scores with this engine's rules. */
    public ScoreResult score(ScoringInput input) {
        return compute(input, rules, rulesVersion);
    }

    /** Scores with the given rules. */
    public static ScoreResult score(ScoringInput input, ScoringRules rules) {
        return compute(input, rules, rules.version());
    }

    /**
     * Recomputes a stored result from its own findings and coverage. With the rules of
     * {@link ScoreResult#rulesVersion()} the result is equal to the stored one; with newer rules it is the
     * score those rules give to the same evidence.
     */
    public static ScoreResult rescore(ScoreResult stored, ScoringRules rules) {
        return score(stored.input(), rules);
    }

    /** Recomputes a score from stored findings and coverage (stored impacts are ignored and recomputed). */
    public static ScoreResult rescore(TokenRef token, List<Finding> storedFindings,
                                      List<CoverageCheck> storedCoverage, ScoringRules rules) {
        return score(new ScoringInput(token, storedFindings, storedCoverage), rules);
    }

    private static ScoreResult compute(ScoringInput input, ScoringRules rules, String rulesVersion) {
        Optional<ScoringRules.TrustedToken> trust = rules.trusted(input.token());
        List<Finding> findings = price(input.findings(), rules, trust.map(ScoringRules.TrustedToken::name).orElse(null));
        List<CoverageCheck> coverage = new ArrayList<>(input.coverage());
        coverage.sort(CHECK_ORDER);

        Map<Pillar, PillarScore> pillars = new EnumMap<>(Pillar.class);
        for (Pillar pillar : Pillar.values()) {
            pillars.put(pillar, pillarScore(pillar, findings, coverage, rules.unknownPillarScore()));
        }

        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal confidence = BigDecimal.ZERO;
        for (Pillar pillar : Pillar.values()) {
            BigDecimal weight = rules.weights().get(pillar);
            PillarScore score = pillars.get(pillar);
            weighted = weighted.add(weight.multiply(BigDecimal.valueOf(score.effective())));
            confidence = confidence.add(weight.multiply(score.coverageRatio()));
        }
        int uncapped = weighted.setScale(0, RoundingMode.HALF_UP).intValueExact();

        List<AppliedCap> caps = new ArrayList<>();
        int kaizenScore = uncapped;
        for (ScoringRules.Cap cap : rules.caps()) {
            if (findings.stream().anyMatch(cap::triggeredBy)) {
                caps.add(new AppliedCap(cap.code(), cap.maxScore(), cap.reason()));
                kaizenScore = Math.min(kaizenScore, cap.maxScore());
            }
        }
        List<AppliedCap> ceilings = new ArrayList<>();
        for (Severity severity : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW)) {
            Integer ceiling = rules.severityCeilings().get(severity);
            if (ceiling == null) {
                continue;
            }
            // Only findings that cost something and that the trust list does not excuse set a ceiling.
            Optional<Finding> worst = findings.stream()
                    .filter(f -> f.severity() == severity && f.softenedBy() == null
                            && rules.pointsFor(f.code(), severity) > 0)
                    .findFirst();
            if (worst.isPresent()) {
                Finding finding = worst.get();
                ceilings.add(new AppliedCap(finding.code(), ceiling, "a " + severity.label() + " finding ("
                        + FindingCode.byCode(finding.code()).map(FindingCode::title).orElse(finding.message())
                        + ") allows no better than " + RiskLevel.of(ceiling).label()));
                kaizenScore = Math.min(kaizenScore, ceiling);
            }
        }
        RiskLevel riskLevel = RiskLevel.of(kaizenScore);

        BigDecimal ran = BigDecimal.ZERO;
        BigDecimal applicable = BigDecimal.ZERO;
        for (PillarScore score : pillars.values()) {
            ran = ran.add(score.ran());
            applicable = applicable.add(score.applicable());
        }
        double dataQuality = ratio(ran, applicable).setScale(2, RoundingMode.HALF_UP).doubleValue();

        Breakdown breakdown = new Breakdown(pillars.get(Pillar.TECHNICAL).effective(),
                pillars.get(Pillar.ECONOMIC).effective(), pillars.get(Pillar.SOCIAL).effective(),
                pillars.get(Pillar.GOVERNANCE).effective());
        Explanation explanation = new Explanation(rules, findings, pillars, weighted, uncapped, caps, ceilings,
                kaizenScore, riskLevel);
        return new ScoreResult(input.token(), kaizenScore, riskLevel.label(),
                confidence.setScale(2, RoundingMode.HALF_UP).doubleValue(), dataQuality, breakdown, uncapped, caps,
                ceilings, findings, coverage, alerts(findings, caps, coverage), explanation.lines(),
                trust.map(ScoringRules.TrustedToken::name).orElse(null), rulesVersion);
    }

    /** Grades, prices and softens each finding; a code counts once (per pillar), at its costliest instance. */
    private static List<Finding> price(List<Finding> reported, ScoringRules rules, @Nullable String trustedAs) {
        List<Finding> priced = new ArrayList<>(reported.size());
        for (Finding finding : reported) {
            Severity severity = rules.grade(finding.code(), finding.measure(), finding.severity());
            int points = rules.pointsFor(finding.code(), severity);
            String softenedBy = null;
            // The trust list explains what a capability is for; it never makes evidence go away.
            if (trustedAs != null && finding.kind() == FindingKind.CAPABILITY && points > 0) {
                points = soften(points, rules);
                softenedBy = trustedAs;
            }
            priced.add(finding.scored(severity, points, softenedBy));
        }
        priced.sort(FINDING_ORDER);
        Set<String> counted = new HashSet<>();
        List<Finding> result = new ArrayList<>(priced.size());
        for (Finding finding : priced) {
            // Keyed by pillar too, so a code reported against two pillars can never move points between them.
            result.add(counted.add(finding.pillar() + " " + finding.code()) ? finding
                    : finding.scored(finding.severity(), 0, finding.softenedBy()));
        }
        result.sort(FINDING_ORDER);
        return result;
    }

    static int soften(int points, ScoringRules rules) {
        return BigDecimal.valueOf(points).multiply(rules.trustSoftening())
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static PillarScore pillarScore(Pillar pillar, List<Finding> findings, List<CoverageCheck> coverage,
                                           int unknownPillarScore) {
        int deducted = 0;
        for (Finding finding : findings) {
            if (finding.pillar() == pillar) {
                deducted += finding.impact();
            }
        }
        int measured = Math.max(0, 100 - deducted);
        BigDecimal ran = BigDecimal.ZERO;
        BigDecimal applicable = BigDecimal.ZERO;
        for (CoverageCheck check : coverage) {
            if (check.pillar() == pillar && check.applicable()) {
                BigDecimal weight = BigDecimal.valueOf(check.weight());
                applicable = applicable.add(weight);
                if (check.status() == CheckStatus.RAN) {
                    ran = ran.add(weight);
                }
            }
        }
        int unknown = Math.min(measured, unknownPillarScore);
        int effective = applicable.signum() == 0 ? unknown
                : ran.multiply(BigDecimal.valueOf(measured))
                        .add(applicable.subtract(ran).multiply(BigDecimal.valueOf(unknown)))
                        .divide(applicable, 0, RoundingMode.HALF_UP).intValueExact();
        return new PillarScore(pillar, deducted, measured, ran, applicable, unknown, effective);
    }

    private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO : part.divide(whole, MathContext.DECIMAL64);
    }

    private static List<Alert> alerts(List<Finding> findings, List<AppliedCap> caps, List<CoverageCheck> coverage) {
        List<Alert> alerts = new ArrayList<>();
        for (AppliedCap cap : caps) {
            String category = findings.stream().filter(f -> f.code().equals(cap.code())).findFirst()
                    .map(f -> f.pillar().label()).orElse(Pillar.TECHNICAL.label());
            alerts.add(new Alert(Severity.CRITICAL.label(),
                    "Score capped at " + cap.maxScore() + ": " + cap.reason() + ".", category));
        }
        Set<String> seen = new HashSet<>();
        findings.stream()
                .filter(f -> f.severity().compareTo(Severity.LOW) >= 0 && seen.add(f.pillar() + " " + f.code()))
                .sorted(Comparator.comparing(Finding::severity).reversed().thenComparing(FINDING_ORDER))
                .forEach(f -> alerts.add(new Alert(f.severity().label(),
                        f.softenedBy() == null ? f.message()
                                : f.message() + " (expected for " + f.softenedBy() + ", cost softened)",
                        f.pillar().label())));
        for (CoverageCheck check : coverage) {
            if (check.status() == CheckStatus.SKIPPED || check.status() == CheckStatus.FAILED) {
                alerts.add(new Alert(Severity.INFO.label(),
                        "Not checked: " + check.id() + " " + check.status().name().toLowerCase(java.util.Locale.ROOT)
                                + (check.reason() == null ? "" : " (" + check.reason() + ")")
                                + "; confidence is lower and nothing was credited for it.",
                        check.pillar().label()));
            }
        }
        return alerts;
    }

    /** The numbers behind one pillar. */
    record PillarScore(Pillar pillar, int deducted, int measured, BigDecimal ran, BigDecimal applicable,
                       int unknown, int effective) {

        BigDecimal coverageRatio() {
            return ratio(ran, applicable);
        }
    }
}
