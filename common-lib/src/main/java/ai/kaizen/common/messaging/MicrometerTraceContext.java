package ai.kaizen.common.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The traceparent of the Micrometer tracer's current span, or a new trace when there is none. A class
 * of its own so that nothing else in messaging needs micrometer-tracing (an optional dependency).
 */
public final class MicrometerTraceContext implements TraceContext.Source {

    private final Tracer tracer;

    public MicrometerTraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public String current() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return TraceContext.generate();
        }
        var context = span.context();
        Boolean sampled = context.sampled();
        try {
            return TraceContext.of(context.traceId(), context.spanId(), sampled == null || sampled);
        } catch (IllegalArgumentException notW3c) {
            return TraceContext.generate();
        }
    }
}
