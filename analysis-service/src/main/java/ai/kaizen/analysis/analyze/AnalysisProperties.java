package ai.kaizen.analysis.analyze;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaizen.analysis.*}.
 *
 * @param networks       network names the API accepts (lower case), e.g. ethereum, devnet, solana; data-service's
 *                       chain registry must know the EVM ones
 * @param solanaNetworks which of them take Solana (base58) addresses; all others take EVM addresses
 * @param cache          the Redis analysis cache
 * @param batch          batch analysis limits
 * @param rescore        re-scoring on new on-chain data
 * @param stats          the project_stats view
 */
@ConfigurationProperties("kaizen.analysis")
public record AnalysisProperties(
        @DefaultValue({"ethereum", "devnet", "solana"}) List<String> networks,
        @DefaultValue("solana") List<String> solanaNetworks,
        @DefaultValue Cache cache,
        @DefaultValue Batch batch,
        @DefaultValue Rescore rescore,
        @DefaultValue Stats stats) {

    /**
     * @param ttl           Redis TTL of a cached analysis (seed: 900 s)
     * @param quickMaxAge   oldest cached result a quick request accepts (seed: 5 min)
     * @param standardMaxAge oldest cached result a standard request accepts (seed: 15 min); comprehensive never
     *                      uses the cache
     * @param lockTtl       how long one instance may hold a token's computation lock
     * @param lockWait      how long another instance waits for that computation before computing itself
     */
    public record Cache(@DefaultValue("900s") Duration ttl, @DefaultValue("5m") Duration quickMaxAge,
                        @DefaultValue("15m") Duration standardMaxAge, @DefaultValue("30s") Duration lockTtl,
                        @DefaultValue("20s") Duration lockWait) {

        public Duration maxAge(Depth depth) {
            return depth == Depth.QUICK ? quickMaxAge : standardMaxAge;
        }
    }

    /** @param maxContracts most contracts one batch may ask for (seed: 10) */
    public record Batch(@DefaultValue("10") int maxContracts) {
    }

    /**
     * @param recentWindow a token analysed this recently is re-scored when data-service reports new data for it
     * @param depth        the depth of a re-score
     */
    public record Rescore(@DefaultValue("24h") Duration recentWindow, @DefaultValue("standard") String depth) {
    }

    /** @param refreshInterval how often project_stats is refreshed when analyses were stored since */
    public record Stats(@DefaultValue("60s") Duration refreshInterval) {
    }
}
