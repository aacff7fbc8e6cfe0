package ai.kaizen.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EnvelopeTests {

    @EventType(value = "test.score-changed", version = 2)
    record ScoreChanged(String address, int oldScore, int newScore, BigDecimal liquidityUsd, List<String> reasons) {
    }

    record Unannotated(String value) {
    }

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678901234Z"), ZoneOffset.UTC);
    private final String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private final Envelopes envelopes = new Envelopes("analysis-service", JsonMapper.builder().build(), () -> trace, clock);

    @Test
    void createsAnEnvelopeWithEveryFieldAndReadsThePayloadBack() {
        ScoreChanged payload = new ScoreChanged("0xabc", 40, 75, new BigDecimal("12345.67"), List.of("lp burned"));
        EventEnvelope envelope = envelopes.create("0xabc", payload);

        assertThat(envelope.id().version()).isEqualTo(7);
        assertThat(envelope.type()).isEqualTo("test.score-changed");
        assertThat(envelope.version()).isEqualTo(2);
        assertThat(envelope.occurredAt()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678901Z"));
        assertThat(envelope.producer()).isEqualTo("analysis-service");
        assertThat(envelope.key()).isEqualTo("0xabc");
        assertThat(envelope.traceparent()).isEqualTo(trace);
        assertThat(envelopes.read(envelope, ScoreChanged.class)).isEqualTo(payload);
    }

    @Test
    void roundTripsThroughStreamFields() {
        EventEnvelope envelope = envelopes.create("k", new ScoreChanged("a", 1, 2, BigDecimal.ONE, List.of()));
        Map<String, String> fields = envelope.toFields();
        assertThat(fields).containsKeys("id", "type", "version", "occurredAt", "producer", "key", "traceparent", "payload");
        assertThat(EventEnvelope.fromFields(fields)).isEqualTo(envelope);
    }

    @Test
    void idsAreTimeOrdered() {
        EventEnvelope first = envelopes.create("k", new ScoreChanged("a", 1, 2, BigDecimal.ONE, List.of()));
        EventEnvelope second = envelopes.create("k", new ScoreChanged("a", 1, 2, BigDecimal.ONE, List.of()));
        assertThat(first.id().compareTo(second.id())).isNegative();
    }

    @Test
    void rejectsMalformedEntries() {
        Map<String, String> fields = new HashMap<>(envelopes.create("k", new ScoreChanged("a", 1, 2, BigDecimal.ONE, List.of())).toFields());
        fields.remove("type");
        assertThatThrownBy(() -> EventEnvelope.fromFields(fields))
                .isInstanceOf(EventEnvelope.MalformedEnvelopeException.class).hasMessageContaining("type");
        fields.put("type", "x");
        fields.put("id", "not-a-uuid");
        assertThatThrownBy(() -> EventEnvelope.fromFields(fields)).isInstanceOf(EventEnvelope.MalformedEnvelopeException.class);
        assertThatThrownBy(() -> EventEnvelope.fromFields(Map.of())).isInstanceOf(EventEnvelope.MalformedEnvelopeException.class);
    }

    @Test
    void aPayloadWithoutEventTypeNeedsAnExplicitType() {
        assertThatThrownBy(() -> envelopes.create("k", new Unannotated("v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("@EventType");
        EventEnvelope explicit = envelopes.create("custom.type", 1, "k", new Unannotated("v"));
        assertThat(envelopes.read(explicit, Unannotated.class)).isEqualTo(new Unannotated("v"));
    }

    @Test
    void generatesValidTraceContextsWhenThereIsNoTrace() {
        Envelopes untraced = new Envelopes("svc", JsonMapper.builder().build(), () -> "garbage", clock);
        String traceparent = untraced.create("t", 1, "k", "{}").traceparent();
        assertThat(TraceContext.isValid(traceparent)).isTrue();
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceContext.generate()).isNotEqualTo(TraceContext.generate());
        assertThat(TraceContext.isValid("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isFalse();
        assertThat(TraceContext.traceId(trace)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    @Test
    void theSeedQueuesAreDeclaredWithTheirConcurrencyAndPriority() {
        assertThat(Queues.ALL).extracting(StreamDefinition::key).containsExactly("queue:analysis",
                "queue:data-collection", "queue:social-intelligence", "queue:scoring", "queue:notifications", "queue:cleanup");
        assertThat(Queues.ALL).extracting(StreamDefinition::concurrency).containsExactly(5, 10, 3, 8, 15, 2);
        assertThat(Queues.ALL).extracting(StreamDefinition::priority).containsExactly(1, 2, 3, 1, 4, 5);
        assertThat(Queues.byKey("queue:scoring")).contains(Queues.SCORING);
    }

    @Test
    void theTraceContextComesFromTheCurrentMicrometerSpanWhenThereIsOne() {
        io.micrometer.tracing.Tracer tracer = org.mockito.Mockito.mock(io.micrometer.tracing.Tracer.class);
        io.micrometer.tracing.Span span = org.mockito.Mockito.mock(io.micrometer.tracing.Span.class);
        io.micrometer.tracing.TraceContext context = org.mockito.Mockito.mock(io.micrometer.tracing.TraceContext.class);
        org.mockito.Mockito.when(tracer.currentSpan()).thenReturn(span);
        org.mockito.Mockito.when(span.context()).thenReturn(context);
        org.mockito.Mockito.when(context.traceId()).thenReturn("4bf92f3577b34da6a3ce929d0e0e4736");
        org.mockito.Mockito.when(context.spanId()).thenReturn("00f067aa0ba902b7");
        org.mockito.Mockito.when(context.sampled()).thenReturn(true);
        MicrometerTraceContext source = new MicrometerTraceContext(tracer);
        assertThat(source.current()).isEqualTo(trace);

        org.mockito.Mockito.when(tracer.currentSpan()).thenReturn(null);
        assertThat(TraceContext.isValid(source.current())).isTrue();
        assertThat(source.current()).isNotEqualTo(trace);
    }
}
