@NullMarked
package ai.kaizen.chat;

import org.jspecify.annotations.NullMarked;
