@NullMarked
package ai.kaizen.migrations;

import org.jspecify.annotations.NullMarked;
