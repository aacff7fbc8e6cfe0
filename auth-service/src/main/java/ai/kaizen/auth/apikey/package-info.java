@NullMarked
package ai.kaizen.auth.apikey;

import org.jspecify.annotations.NullMarked;
