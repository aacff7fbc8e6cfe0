package ai.kaizen.data.updates;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a new collection of a token counts as a change worth a {@code data updated} event.
 *
 * @param enabled          whether collections are compared and events published at all
 * @param liquidityChange  relative move of the liquidity in USD that counts (0.10: more than 10 % up or down)
 * @param lpShareChangeBps move of the LP burned or locked share, in basis points of the LP supply, that counts
 * @param taxChangeBps     move of a measured buy, sell or transfer tax, in basis points, that counts
 * @param supplyChangeBps  relative move of totalSupply that counts, in basis points of the previous supply (a mint or
 *                         burn of any size when 0; above 0, the steady burn of deflationary tokens stays quiet)
 * @param quietPeriod      after a database failure, how long comparisons are skipped (so an outage costs no
 *                         timeouts); the next comparison after it still sees every change since the last one
 */
@ConfigurationProperties("kaizen.updates")
public record UpdatesProperties(@DefaultValue("true") boolean enabled,
                                @DefaultValue("0.10") BigDecimal liquidityChange,
                                @DefaultValue("100") int lpShareChangeBps,
                                @DefaultValue("100") int taxChangeBps,
                                @DefaultValue("10") int supplyChangeBps,
                                @DefaultValue("15s") Duration quietPeriod) {

    public static UpdatesProperties defaults() {
        return new UpdatesProperties(true, new BigDecimal("0.10"), 100, 100, 10, Duration.ofSeconds(15));
    }
}
