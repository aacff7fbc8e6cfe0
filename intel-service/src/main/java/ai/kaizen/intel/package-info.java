@NullMarked
package ai.kaizen.intel;

import org.jspecify.annotations.NullMarked;
