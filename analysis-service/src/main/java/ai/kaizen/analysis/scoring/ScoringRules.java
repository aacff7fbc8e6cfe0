package ai.kaizen.analysis.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Everything the score depends on besides the findings and coverage. Defaults live in {@code scoring-rules.yml}
 * next to this class; a deployment can replace the whole file ({@code kaizen.scoring.rules}) and add trusted
 * tokens ({@code kaizen.scoring.trusted-tokens}). {@link #version()} identifies a rule set in stored results.
 *
 * @param weights            share of each pillar in the Kaizen score; all four pillars, adding up to exactly 1
 * @param unknownPillarScore what an unmeasured pillar counts as at most (0–100)
 * @param severityPoints     points a finding costs by severity, for codes without fixed points
 * @param fixedPoints        codes whose cost does not depend on severity
 * @param grades             codes whose severity follows the finding's measure
 * @param caps               hard evidence that limits the whole score
 * @param severityCeilings   the best score a token with an unsoftened finding of that severity can get
 * @param trustSoftening     factor (0–1) applied to capability findings of trusted tokens
 * @param trustList          tokens whose capability findings are expected (stablecoins, wrapped native, majors)
 */
public record ScoringRules(
        Map<Pillar, BigDecimal> weights,
        int unknownPillarScore,
        Map<Severity, Integer> severityPoints,
        Map<String, Integer> fixedPoints,
        Map<String, Grade> grades,
        List<Cap> caps,
        Map<Severity, Integer> severityCeilings,
        BigDecimal trustSoftening,
        List<TrustedToken> trustList) {

    /** The highest score that is still "Very High Risk": a cap may not allow more. */
    public static final int HIGHEST_CAP = RiskLevel.HIGH_RISK.minimum() - 1;

    private static final String DEFAULTS_RESOURCE = "scoring-rules.yml";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ScoringRules {
        weights = enumMap(Pillar.class, require(weights, "weights"));
        severityPoints = enumMap(Severity.class, require(severityPoints, "severityPoints"));
        fixedPoints = sorted(fixedPoints);
        grades = sorted(grades);
        caps = caps == null ? List.of() : List.copyOf(caps);
        severityCeilings = enumMap(Severity.class, severityCeilings == null ? Map.of() : severityCeilings);
        require(trustSoftening, "trustSoftening");
        trustList = trustList == null ? List.of() : List.copyOf(trustList);

        BigDecimal sum = BigDecimal.ZERO;
        for (Pillar pillar : Pillar.values()) {
            BigDecimal weight = weights.get(pillar);
            if (weight == null || weight.signum() < 0) {
                throw new IllegalArgumentException("weights: " + pillar + " needs a weight ≥ 0");
            }
            sum = sum.add(weight);
        }
        if (sum.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("weights must add up to exactly 1, they add up to " + sum.toPlainString());
        }
        requirePoints("unknownPillarScore", unknownPillarScore);
        for (Severity severity : Severity.values()) {
            Integer points = severityPoints.get(severity);
            if (points == null) {
                throw new IllegalArgumentException("severityPoints: " + severity + " is missing");
            }
            requirePoints("severityPoints." + severity, points);
        }
        fixedPoints.forEach((code, points) -> requirePoints("fixedPoints." + code, points));
        grades.forEach((code, grade) -> grade.validate(code));
        for (Cap cap : caps) {
            if (cap.maxScore() < 0 || cap.maxScore() > HIGHEST_CAP) {
                throw new IllegalArgumentException("caps: " + cap.code() + " may limit the score to 0.."
                        + HIGHEST_CAP + " (Very High Risk), not " + cap.maxScore());
            }
        }
        severityCeilings.forEach((severity, ceiling) -> requirePoints("severityCeilings." + severity, ceiling));
        if (trustSoftening.signum() < 0 || trustSoftening.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("trustSoftening must be between 0 and 1, not " + trustSoftening);
        }
    }

    /** The built-in rules from {@code scoring-rules.yml}. */
    public static ScoringRules defaults() {
        return Defaults.RULES;
    }

    /** Reads rules from YAML of the shape of {@code scoring-rules.yml}; unknown keys are errors. */
    public static ScoringRules fromYaml(InputStream yaml) {
        try (yaml) {
            return YAML.readValue(yaml, ScoringRules.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("invalid scoring rules: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These rules with more trusted tokens (e.g. the devnet's). Entries already present are not duplicated. */
    public ScoringRules withTrustedTokens(List<TrustedToken> extra) {
        List<TrustedToken> merged = new ArrayList<>(trustList);
        for (TrustedToken token : extra) {
            if (merged.stream().noneMatch(known -> known.matches(new TokenRef(token.network(), token.address())))) {
                merged.add(token);
            }
        }
        return new ScoringRules(weights, unknownPillarScore, severityPoints, fixedPoints, grades, caps,
                severityCeilings, trustSoftening, merged);
    }

    /** Severity of a finding: from its measure for graded codes, else as reported. */
    public Severity grade(String code, @Nullable Double measure, Severity reported) {
        Grade grade = grades.get(code);
        return grade == null || measure == null ? reported : grade.severityOf(measure);
    }

    /** Points a finding of this code and severity costs before any trust-list softening. */
    public int pointsFor(String code, Severity severity) {
        Integer fixed = fixedPoints.get(code);
        return fixed != null ? fixed : severityPoints.get(severity);
    }

    /** The trust-list entry for a token, if any. */
    public Optional<TrustedToken> trusted(TokenRef token) {
        return trustList.stream().filter(entry -> entry.matches(token)).findFirst();
    }

    /** A short stable hash of everything that affects a score; equal rules give equal versions. */
    public String version() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One line per setting, in a fixed order, numbers in plain form: the input of {@link #version()}. */
    String canonical() {
        StringBuilder out = new StringBuilder();
        weights.forEach((pillar, weight) -> out.append("weight ").append(pillar).append('=')
                .append(plain(weight)).append('\n'));
        out.append("unknownPillarScore=").append(unknownPillarScore).append('\n');
        severityPoints.forEach((severity, points) -> out.append("severity ").append(severity).append('=')
                .append(points).append('\n'));
        fixedPoints.forEach((code, points) -> out.append("fixed ").append(code).append('=').append(points)
                .append('\n'));
        grades.forEach((code, grade) -> {
            out.append("grade ").append(code).append(" lowerIsWorse=").append(grade.lowerIsWorse());
            grade.thresholds().forEach((severity, threshold) -> out.append(' ').append(severity).append('=')
                    .append(plain(BigDecimal.valueOf(threshold))));
            out.append('\n');
        });
        caps.stream().map(cap -> "cap " + cap.code() + " atLeast="
                        + (cap.atLeast() == null ? "-" : plain(BigDecimal.valueOf(cap.atLeast())))
                        + " max=" + cap.maxScore() + '\n')
                .sorted().forEach(out::append);
        severityCeilings.forEach((severity, ceiling) -> out.append("ceiling ").append(severity).append('=')
                .append(ceiling).append('\n'));
        out.append("trustSoftening=").append(plain(trustSoftening)).append('\n');
        trustList.stream().map(t -> "trust " + t.network().toLowerCase(java.util.Locale.ROOT) + ' '
                        + (t.address().startsWith("0x") ? t.address().toLowerCase(java.util.Locale.ROOT) : t.address())
                        + '\n')
                .sorted().forEach(out::append);
        return out.toString();
    }

    private static String plain(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    private static void requirePoints(String what, int points) {
        if (points < 0 || points > 100) {
            throw new IllegalArgumentException(what + " must be between 0 and 100, not " + points);
        }
    }

    private static <T> T require(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static <K extends Enum<K>, V> Map<K, V> enumMap(Class<K> type, Map<K, V> map) {
        EnumMap<K, V> copy = new EnumMap<>(type);
        copy.putAll(map);
        return Collections.unmodifiableMap(copy);
    }

    private static <V> Map<String, V> sorted(@Nullable Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /**
     * Severity bands of a graded code.
     *
     * @param unit         what the measure is in (%, USD, count, ratio), for people
     * @param lowerIsWorse false or absent: a severity applies from its threshold upwards (taxes, shares);
     *                     true: from its threshold downwards (liquidity, sentiment)
     * @param thresholds   threshold per severity (INFO is what is left); ordered with the severities
     */
    public record Grade(String unit, Boolean lowerIsWorse, Map<Severity, Double> thresholds) {

        public Grade(String unit, @Nullable Boolean lowerIsWorse, Map<Severity, Double> thresholds) {
            this.unit = Objects.requireNonNull(unit, "unit");
            this.lowerIsWorse = Boolean.TRUE.equals(lowerIsWorse);
            this.thresholds = enumMap(Severity.class, require(thresholds, "thresholds"));
        }

        /** The worst severity whose threshold the measure reaches; INFO when it reaches none. */
        public Severity severityOf(double measure) {
            Severity result = Severity.INFO;
            for (Map.Entry<Severity, Double> band : thresholds.entrySet()) {
                boolean reached = lowerIsWorse ? measure <= band.getValue() : measure >= band.getValue();
                if (reached) {
                    result = band.getKey();
                }
            }
            return result;
        }

        void validate(String code) {
            if (thresholds.isEmpty() || thresholds.containsKey(Severity.INFO)) {
                throw new IllegalArgumentException("grades." + code
                        + ": thresholds need at least one of LOW..CRITICAL, and no INFO");
            }
            Double previous = null;
            for (Map.Entry<Severity, Double> band : thresholds.entrySet()) {
                double value = band.getValue();
                if (!Double.isFinite(value) || previous != null
                        && (lowerIsWorse ? value >= previous : value <= previous)) {
                    throw new IllegalArgumentException("grades." + code + ": thresholds must "
                            + (lowerIsWorse ? "fall" : "rise") + " strictly as severity rises");
                }
                previous = value;
            }
        }
    }

    /**
     * Hard evidence that limits the score.
     *
     * @param code     finding code that triggers the cap
     * @param atLeast  the finding's measure must be at least this (null: any finding of the code)
     * @param maxScore the highest score allowed (≤ {@link #HIGHEST_CAP}, so Very High Risk)
     * @param reason   why, in words a user reads
     */
    public record Cap(String code, @Nullable Double atLeast, int maxScore, String reason) {

        public Cap {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        /** Whether this finding triggers the cap. */
        public boolean triggeredBy(Finding finding) {
            if (!finding.code().equals(code)) {
                return false;
            }
            return atLeast == null || finding.measure() != null && finding.measure() >= atLeast;
        }
    }

    /**
     * A token whose capability findings are expected and softened.
     *
     * @param network network name
     * @param address contract or mint address
     * @param name    what users know it as, shown as the reason for softening
     */
    public record TrustedToken(String network, String address, String name) {

        public TrustedToken {
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(name, "name");
        }

        public boolean matches(TokenRef token) {
            return token.sameAs(network, address);
        }
    }

    private static final class Defaults {
        static final ScoringRules RULES = load();

        private static ScoringRules load() {
            InputStream in = ScoringRules.class.getResourceAsStream(DEFAULTS_RESOURCE);
            if (in == null) {
                throw new IllegalStateException(DEFAULTS_RESOURCE + " is missing from the classpath");
            }
            return fromYaml(in);
        }
    }
}
