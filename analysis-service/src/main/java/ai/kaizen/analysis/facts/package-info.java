/**
 * data-service's token facts, read tolerantly ({@link ai.kaizen.analysis.facts.TokenFactsView}), and their
 * translation into the scoring engine's findings and coverage ({@link ai.kaizen.analysis.facts.FactsMapping}):
 * one table from the devnet manifest's behaviour vocabulary (the {@code signals} data-service reports) to finding
 * codes, plus what the ownership, proxy, token and liquidity sections say on their own.
 */
@NullMarked
package ai.kaizen.analysis.facts;

import org.jspecify.annotations.NullMarked;
