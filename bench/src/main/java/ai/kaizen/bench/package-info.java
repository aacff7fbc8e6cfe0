/** Benchmarks that print figures. */
@NullMarked
package ai.kaizen.bench;

import org.jspecify.annotations.NullMarked;
