@NullMarked
package ai.kaizen.auth.account;

import org.jspecify.annotations.NullMarked;
