package ai.kaizen.common.messaging;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** W3C {@code traceparent} values: {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String ZERO_TRACE = "0".repeat(32);
    private static final String ZERO_SPAN = "0".repeat(16);
    private static final HexFormat HEX = HexFormat.of();

    private TraceContext() {
    }

    /** Supplies the traceparent of whatever is running now. */
    @FunctionalInterface
    public interface Source {
        String current();
    }

    /** A fresh, valid, sampled traceparent for work that starts without a trace. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String traceId;
        do {
            traceId = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        } while (traceId.equals(ZERO_TRACE));
        return of(traceId, newSpanId(), true);
    }

    public static String of(String traceId, String spanId, boolean sampled) {
        String value = "00-" + traceId + "-" + spanId + "-" + (sampled ? "01" : "00");
        if (!isValid(value)) {
            throw new IllegalArgumentException("Not a valid trace/span id pair: " + traceId + "/" + spanId);
        }
        return value;
    }

    public static boolean isValid(@Nullable String traceparent) {
        if (traceparent == null) {
            return false;
        }
        var matcher = TRACEPARENT.matcher(traceparent);
        return matcher.matches() && !matcher.group(1).equals(ZERO_TRACE) && !matcher.group(2).equals(ZERO_SPAN);
    }

    /** The trace id part of a valid traceparent, or null. */
    public static @Nullable String traceId(@Nullable String traceparent) {
        return isValid(traceparent) ? traceparent.substring(3, 35) : null;
    }

    static String newSpanId() {
        long span;
        do {
            span = ThreadLocalRandom.current().nextLong();
        } while (span == 0);
        return HEX.toHexDigits(span);
    }
}
