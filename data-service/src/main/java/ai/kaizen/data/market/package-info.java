/**
 * The standard-depth market facts of one collection: liquidity and holders collected in parallel with the rest
 * of the facts, their signals and coverage, and the time-series append.
 */
@NullMarked
package ai.kaizen.data.market;

import org.jspecify.annotations.NullMarked;
