/** Event logs over block ranges, split adaptively when a provider caps results. */
@NullMarked
package ai.kaizen.data.logs;

import org.jspecify.annotations.NullMarked;
