@NullMarked
package ai.kaizen.gateway.routing;

import org.jspecify.annotations.NullMarked;
