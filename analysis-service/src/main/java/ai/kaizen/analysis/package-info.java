@NullMarked
package ai.kaizen.analysis;

import org.jspecify.annotations.NullMarked;
