@NullMarked
package ai.kaizen.data;

import org.jspecify.annotations.NullMarked;
