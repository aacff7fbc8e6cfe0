/**
 * Analysing a token: validate the request, answer from the cache when the depth allows, otherwise collect the facts
 * (data-service) and at comprehensive depth the intel and social views, map them to findings, score, store, cache and
 * publish. Concurrent requests for the same token share one computation.
 */
@NullMarked
package ai.kaizen.analysis.analyze;

import org.jspecify.annotations.NullMarked;
