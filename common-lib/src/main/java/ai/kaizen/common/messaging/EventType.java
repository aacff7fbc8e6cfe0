package ai.kaizen.common.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the event a payload record is, so publishers and subscriptions need not repeat it:
 * {@code @EventType("analysis.completed") record AnalysisCompleted(...)}. The record belongs to the
 * producer; raise {@link #version()} only for a change consumers must notice.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** The event type, dotted lower case, e.g. {@code analysis.completed}. */
    String value();

    /** The payload schema version. */
    int version() default 1;
}
