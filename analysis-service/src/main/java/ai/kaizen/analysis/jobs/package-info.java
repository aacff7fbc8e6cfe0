/**
 * Background analysis jobs on the analysis queue ({@code queue:analysis}): one per contract of a batch, and the
 * background part of each comprehensive analysis. A job row and its queue event commit together (outbox); the worker
 * runs it under analysis-service's own credential, stores the analysis, and publishes {@code analysis.update}. Only
 * a job's owner can read it.
 */
@NullMarked
package ai.kaizen.analysis.jobs;

import org.jspecify.annotations.NullMarked;
