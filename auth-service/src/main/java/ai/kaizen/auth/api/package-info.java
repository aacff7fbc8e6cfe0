@NullMarked
package ai.kaizen.auth.api;

import org.jspecify.annotations.NullMarked;
