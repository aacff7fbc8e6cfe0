@NullMarked
package ai.kaizen.auth.security;

import org.jspecify.annotations.NullMarked;
