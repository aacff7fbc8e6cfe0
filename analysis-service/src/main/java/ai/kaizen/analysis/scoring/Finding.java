package ai.kaizen.analysis.scoring;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One thing an analysis found about a token.
 *
 * <p>Producers (the analyzers) fill everything but {@code impact} and {@code softenedBy}; the engine fills those
 * from the rules, and the stored finding is enough to recompute the score. For codes whose severity follows a
 * measurement (taxes, shares, liquidity) the engine derives the severity from {@code measure}.
 *
 * @param code       stable code from the catalogue ({@link FindingCode}), e.g. {@code KZ-EVM-HONEYPOT}
 * @param pillar     the pillar it is deducted from
 * @param severity   how bad it is
 * @param kind       capability (someone can) or evidence (it happened / was measured)
 * @param message    plain-language sentence for the user
 * @param evidence   what shows it: selectors, slots, simulated calls and results, transactions, holders
 * @param measure    the measured quantity for graded codes (percent, USD, count, 0–1 ratio), else null
 * @param impact     points deducted from the pillar, filled by the engine
 * @param softenedBy the trust-list entry that softened the impact, filled by the engine, else null
 */
public record Finding(
        String code,
        Pillar pillar,
        Severity severity,
        FindingKind kind,
        String message,
        List<Evidence> evidence,
        @Nullable Double measure,
        int impact,
        @Nullable String softenedBy) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(pillar, "pillar");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (measure != null && !Double.isFinite(measure)) {
            throw new IllegalArgumentException("measure of " + code + " must be a finite number");
        }
        if (impact < 0) {
            throw new IllegalArgumentException("impact of " + code + " must not be negative");
        }
    }

    /** A finding of a catalogue code with the catalogue's pillar, kind and default severity. */
    public static Finding of(FindingCode code, String message, Evidence... evidence) {
        return new Finding(code.code(), code.pillar(), code.defaultSeverity(), code.kind(), message,
                List.of(evidence), null, 0, null);
    }

    /** A finding of a graded catalogue code carrying its measurement (the engine grades it). */
    public static Finding measured(FindingCode code, double measure, String message, Evidence... evidence) {
        return new Finding(code.code(), code.pillar(), code.defaultSeverity(), code.kind(), message,
                List.of(evidence), measure, 0, null);
    }

    public Finding withSeverity(Severity newSeverity) {
        return new Finding(code, pillar, newSeverity, kind, message, evidence, measure, impact, softenedBy);
    }

    public Finding withKind(FindingKind newKind) {
        return new Finding(code, pillar, severity, newKind, message, evidence, measure, impact, softenedBy);
    }

    /** This finding as a producer would hand it in: engine-filled fields cleared. */
    public Finding unscored() {
        return new Finding(code, pillar, severity, kind, message, evidence, measure, 0, null);
    }

    Finding scored(Severity gradedSeverity, int points, @Nullable String softener) {
        return new Finding(code, pillar, gradedSeverity, kind, message, evidence, measure, points, softener);
    }
}
