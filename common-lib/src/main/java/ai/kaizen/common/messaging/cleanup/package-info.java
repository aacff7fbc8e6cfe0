/** Cleanup jobs run from the {@code cleanup} queue: parameterized SQL retention, SCAN-based Redis key cleanup, temp files. */
@NullMarked
package ai.kaizen.common.messaging.cleanup;

import org.jspecify.annotations.NullMarked;
