@NullMarked
package ai.kaizen.notification;

import org.jspecify.annotations.NullMarked;
