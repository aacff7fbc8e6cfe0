@NullMarked
package ai.kaizen.user;

import org.jspecify.annotations.NullMarked;
