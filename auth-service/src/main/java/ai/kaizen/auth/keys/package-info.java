@NullMarked
package ai.kaizen.auth.keys;

import org.jspecify.annotations.NullMarked;
