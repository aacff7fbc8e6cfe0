package ai.kaizen.data.holders;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Caps on the holder scan, so a token with millions of transfers gives a partial answer (said in coverage) instead
 * of hanging the request, and the concentration rule: {@code concentrated_holders} is reported when the top 10 hold
 * at least {@code concentratedTop10Bps} of the supply and either at least {@code minWhales} holders hold
 * {@code whaleBps} or more each (a group of whales), or one holder that is neither the owner nor the creator holds
 * {@code singleHolderBps} or more. One issuer treasury holding most of the supply is the owner's or creator's share,
 * reported as such, not this signal.
 *
 * @param maxLogs          logs read per collection (the token's and its pools' together)
 * @param maxBlockSpan     widest eth_getLogs window; a provider that caps results narrower gets it split. A chain
 *                         shorter than this is scanned from genesis without waiting for the creation block
 * @param maxRequests      eth_getLogs requests per collection
 * @param maxScanTime      wall time for the log scan
 * @param maxBalanceChecks addresses whose balanceOf is read (the largest by transferred balance first)
 * @param maxSenderLookups transactions read (eth_getTransactionByHash, in the balance round) to learn who moved a
 *                         holder's tokens, for {@code siphoned_holder}; the largest losses first
 */
@ConfigurationProperties("kaizen.holders")
public record HoldersProperties(
        @DefaultValue("50000") int maxLogs,
        @DefaultValue("100000") long maxBlockSpan,
        @DefaultValue("25") int maxRequests,
        @DefaultValue("5s") Duration maxScanTime,
        @DefaultValue("2000") int maxBalanceChecks,
        @DefaultValue("5000") int concentratedTop10Bps,
        @DefaultValue("1000") int whaleBps,
        @DefaultValue("3") int minWhales,
        @DefaultValue("5000") int singleHolderBps,
        @DefaultValue("200") int maxSenderLookups) {

    public static HoldersProperties defaults() {
        return new HoldersProperties(50_000, 100_000, 25, Duration.ofSeconds(5), 2000, 5000, 1000, 3, 5000, 200);
    }
}
