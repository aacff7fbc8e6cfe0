@NullMarked
package ai.kaizen.common.problem;

import org.jspecify.annotations.NullMarked;
