@NullMarked
package ai.kaizen.social;

import org.jspecify.annotations.NullMarked;
