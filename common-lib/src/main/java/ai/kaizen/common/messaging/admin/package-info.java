/** Read-only stream state and dead-letter replay for operators (servlet services only). */
@NullMarked
package ai.kaizen.common.messaging.admin;

import org.jspecify.annotations.NullMarked;
