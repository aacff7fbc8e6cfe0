@NullMarked
package ai.kaizen.auth.lockout;

import org.jspecify.annotations.NullMarked;
