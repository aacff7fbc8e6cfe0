@NullMarked
package ai.kaizen.auth.problem;

import org.jspecify.annotations.NullMarked;
