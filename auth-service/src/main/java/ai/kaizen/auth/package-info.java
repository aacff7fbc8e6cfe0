@NullMarked
package ai.kaizen.auth;

import org.jspecify.annotations.NullMarked;
