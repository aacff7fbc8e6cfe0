package ai.kaizen.data.facts;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One check and whether it ran. {@code status} is {@code ran}, {@code skipped} (not part of this depth, or not
 * applicable) or {@code failed} (could not run: the reason says why, e.g. the node's rate limit).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Coverage(String check, String status, @Nullable String reason) {

    public static Coverage ran(String check) {
        return new Coverage(check, "ran", null);
    }

    public static Coverage ran(String check, String note) {
        return new Coverage(check, "ran", note);
    }

    public static Coverage skipped(String check, String reason) {
        return new Coverage(check, "skipped", reason);
    }

    public static Coverage failed(String check, String reason) {
        return new Coverage(check, "failed", reason);
    }

    public boolean isFailed() {
        return "failed".equals(status);
    }
}
