@NullMarked
package ai.kaizen.common.security;

import org.jspecify.annotations.NullMarked;
