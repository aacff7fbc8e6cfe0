/**
 * The analysis API under {@code /api/analysis}: analyze, cached, batch, jobs and history. Every error is an RFC 9457
 * problem that says what is wrong.
 */
@NullMarked
package ai.kaizen.analysis.api;

import org.jspecify.annotations.NullMarked;
