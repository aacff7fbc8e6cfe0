/**
 * The Kaizen scoring engine: findings and coverage in, a reproducible 0–100 score out.
 *
 * <p>Plain Java with no framework inside; {@link ai.kaizen.analysis.scoring.ScoringEngine} is the entry point,
 * {@link ai.kaizen.analysis.scoring.ScoringRules} the configuration (defaults in {@code scoring-rules.yml}),
 * {@link ai.kaizen.analysis.scoring.FindingCode} the catalogue of stable finding codes. The rules are explained
 * for users in {@code docs/scoring.md}.
 */
@NullMarked
package ai.kaizen.analysis.scoring;

import org.jspecify.annotations.NullMarked;
