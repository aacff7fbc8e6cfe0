package ai.kaizen.auth.lockout;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Failed-login lockout.
 *
 * @param maxFailures failed attempts for one e-mail address within {@code window} that lock it
 * @param window      how far back failures count; a lock lifts once the oldest counted failure leaves it
 */
@ConfigurationProperties("kaizen.auth.lockout")
public record LockoutProperties(
        @DefaultValue("5") int maxFailures,
        @DefaultValue("15m") Duration window) {

    public LockoutProperties {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("kaizen.auth.lockout.max-failures must be at least 1");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("kaizen.auth.lockout.window must be positive");
        }
    }
}
