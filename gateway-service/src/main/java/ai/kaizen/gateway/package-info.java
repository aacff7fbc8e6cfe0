@NullMarked
package ai.kaizen.gateway;

import org.jspecify.annotations.NullMarked;
