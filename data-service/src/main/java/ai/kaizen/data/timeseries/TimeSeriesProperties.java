package ai.kaizen.data.timeseries;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Appending samples and events after each standard facts collection.
 *
 * @param enabled     whether to append at all
 * @param maxWait     how long a facts response waits for the append to finish before it is returned anyway (the
 *                    append goes on; its outcome is logged)
 * @param quietPeriod after a database failure, how long appends are skipped (so an outage costs no timeouts)
 * @param maxEvents   events appended per collection (the earliest first)
 */
@ConfigurationProperties("kaizen.timeseries")
public record TimeSeriesProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1500ms") Duration maxWait,
                                   @DefaultValue("30s") Duration quietPeriod, @DefaultValue("50000") int maxEvents) {

    public static TimeSeriesProperties defaults() {
        return new TimeSeriesProperties(true, Duration.ofMillis(1500), Duration.ofSeconds(30), 50_000);
    }
}
