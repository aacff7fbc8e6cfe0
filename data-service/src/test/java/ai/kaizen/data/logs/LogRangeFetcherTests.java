package ai.kaizen.data.logs;

import java.util.ArrayList;
import java.util.List;

import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogRangeFetcherTests {

    /** A provider with one log per block in [0, 1000), capped at {@code cap} results per query. */
    private static final class CappedProvider implements LogSource {
        final int cap;
        final String message;
        final List<long[]> queries = new ArrayList<>();

        CappedProvider(int cap, String message) {
            this.cap = cap;
            this.message = message;
        }

        @Override
        public List<LogEntry> logs(long from, long to) throws RpcException {
            queries.add(new long[] {from, to});
            long count = Math.max(0, Math.min(to, 999) - from + 1);
            if (count > cap) {
                throw RpcException.rpcError(new RpcError(-32005, message, null));
            }
            List<LogEntry> out = new ArrayList<>();
            for (long block = from; block <= Math.min(to, 999); block++) {
                out.add(new LogEntry(block, 0, "0x" + "0".repeat(64), "0x" + "0".repeat(40), List.of(), "0x"));
            }
            return out;
        }
    }

    @Test
    void aCappedQueryIsHalvedRecursivelyUntilItFitsAndNothingIsLostOrDuplicated() throws RpcException {
        CappedProvider provider = new CappedProvider(100, "query returned more than 10000 results");
        LogRangeFetcher.Result result = new LogRangeFetcher(1000, 1_000_000).fetch(provider, 0, 999);

        assertThat(result.logs()).extracting(LogEntry::blockNumber)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 1000).boxed().toList());
        assertThat(result.truncated()).isFalse();
        assertThat(result.splits()).isPositive();
        // First failures: 1000 -> 500 -> 250 -> 125 -> 62 blocks, which fits.
        assertThat(provider.queries.subList(0, 5)).extracting(q -> q[1] - q[0] + 1)
                .containsExactly(1000L, 500L, 250L, 125L, 62L);
        assertThat(result.requests()).isEqualTo(provider.queries.size());
    }

    @Test
    void theProvidersSuggestedRangeIsUsedWhenItGivesOne() throws RpcException {
        LogSource provider = new LogSource() {
            @Override
            public List<LogEntry> logs(long from, long to) throws RpcException {
                if (to - from + 1 > 10) {
                    throw RpcException.rpcError(new RpcError(-32602, "query returned more than 10000 results. "
                            + "Try with this block range [0x" + Long.toHexString(from) + ", 0x"
                            + Long.toHexString(from + 9) + "].", null));
                }
                return List.of();
            }
        };
        LogRangeFetcher.Result result = new LogRangeFetcher(100, 1000).fetch(provider, 0, 99);
        // 100 fails once, then 10-block windows (growing to 20 fails again, back to 10...).
        assertThat(result.splits()).isGreaterThanOrEqualTo(1);
        assertThat(result.logs()).isEmpty();
        assertThat(result.lastBlock()).isEqualTo(99);
    }

    @Test
    void rangeAndSizeErrorsOfOtherProvidersAlsoSplit() throws RpcException {
        for (String message : List.of("Log response size exceeded.", "eth_getLogs block range is too wide",
                "exceed maximum block range: 5000", "query timeout exceeded")) {
            CappedProvider provider = new CappedProvider(300, message);
            assertThat(new LogRangeFetcher(1000, 1_000_000).fetch(provider, 0, 999).logs()).hasSize(1000);
        }
    }

    @Test
    void aReplyOverOurOwnSizeLimitSplitsToo() throws RpcException {
        LogSource provider = (from, to) -> {
            if (to - from > 50) {
                throw new RpcException(RpcException.Kind.OVERSIZED, "reply exceeds the 4194304-byte limit");
            }
            return List.of();
        };
        assertThat(new LogRangeFetcher(400, 10).fetch(provider, 0, 399).splits()).isPositive();
    }

    @Test
    void otherErrorsAreNotSplitButThrown() {
        LogSource provider = (from, to) -> {
            throw RpcException.rpcError(new RpcError(-32602, "invalid argument 0: hex string without 0x prefix", null));
        };
        assertThatThrownBy(() -> new LogRangeFetcher(1000, 10).fetch(provider, 0, 999))
                .isInstanceOf(RpcException.class).hasMessageContaining("invalid argument");
    }

    @Test
    void aSingleBlockThatIsStillTooBigFailsWithAClearMessage() {
        CappedProvider provider = new CappedProvider(0, "query returned more than 10000 results");
        assertThatThrownBy(() -> new LogRangeFetcher(8, 10).fetch(provider, 0, 7))
                .isInstanceOf(RpcException.class).hasMessageContaining("block 0 alone");
    }

    @Test
    void fetchingStopsAtTheLogLimitAndSaysSo() throws RpcException {
        CappedProvider provider = new CappedProvider(1000, "unused");
        LogRangeFetcher.Result result = new LogRangeFetcher(100, 250).fetch(provider, 0, 999);
        assertThat(result.truncated()).isTrue();
        assertThat(result.logs()).hasSize(250);
    }
}
