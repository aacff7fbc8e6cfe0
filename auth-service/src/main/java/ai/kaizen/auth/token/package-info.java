@NullMarked
package ai.kaizen.auth.token;

import org.jspecify.annotations.NullMarked;
