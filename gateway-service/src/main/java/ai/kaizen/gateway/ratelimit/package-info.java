@NullMarked
package ai.kaizen.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
