/**
 * Every analysis in PostgreSQL (schema {@code analysis}): the project upserted, the result with its findings and
 * coverage, one point on the token's score series, and its events through the transactional outbox
 * ({@code events:analysis}: analysis completed, and score changed when the score moved by more than 10 points).
 * The project_stats view is refreshed in the background, concurrently, so readers never wait.
 */
@NullMarked
package ai.kaizen.analysis.store;

import org.jspecify.annotations.NullMarked;
