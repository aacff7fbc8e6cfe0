@NullMarked
package ai.kaizen.gateway.security;

import org.jspecify.annotations.NullMarked;
