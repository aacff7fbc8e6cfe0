package ai.kaizen.data.holders;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import ai.kaizen.data.logs.LogSource;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcException;
import ai.kaizen.data.signals.Signal;
import org.junit.jupiter.api.Test;

import static ai.kaizen.data.holders.HolderMathTests.POOL;
import static ai.kaizen.data.holders.HolderMathTests.address;
import static ai.kaizen.data.holders.HolderMathTests.transfer;
import static org.assertj.core.api.Assertions.assertThat;

class HolderScanTests {

    /** One transfer per block, blocks 0..999, refusing windows wider than {@code cap} blocks like a capped provider. */
    static final class Chain implements LogSource {
        final long cap;
        final AtomicInteger requests = new AtomicInteger();

        Chain(long cap) {
            this.cap = cap;
        }

        @Override
        public List<LogEntry> logs(long fromBlock, long toBlock) throws RpcException {
            requests.incrementAndGet();
            if (toBlock - fromBlock + 1 > cap) {
                throw RpcException.rpcError(new RpcError(-32005, "query returned more than 10000 results", null));
            }
            List<LogEntry> out = new ArrayList<>();
            for (long block = fromBlock; block <= toBlock && block < 1000; block++) {
                out.add(transfer(block, 0, address(1), address(2), 1));
            }
            return out;
        }
    }

    static HoldersProperties caps(int maxLogs, int maxRequests) {
        return new HoldersProperties(maxLogs, 10_000, maxRequests, Duration.ofSeconds(30), 2000, 5000, 1000, 3, 5000, 200);
    }

    @Test
    void aCappedProviderGetsTheRangeSplitAndTheScanCompletes() {
        Chain chain = new Chain(300);
        HolderScan.Logs logs = HolderScan.scan(chain, 0, 999, caps(50_000, 50));
        assertThat(logs.partialReason()).isNull();
        assertThat(logs.failure()).isNull();
        assertThat(logs.logs()).hasSize(1000);
        assertThat(logs.scannedTo()).isEqualTo(999);
        assertThat(logs.splits()).isPositive();
    }

    @Test
    void tooManyLogsGivePartialHoldersWithTheReason() {
        HolderScan.Logs logs = HolderScan.scan(new Chain(10_000), 0, 999, caps(250, 50));
        assertThat(logs.logs()).hasSize(250);
        assertThat(logs.partialReason()).contains("250 logs").contains("kaizen.holders.max-logs");
    }

    @Test
    void theRequestBudgetStopsAScanOfAHugeTokenWithWhatItRead() {
        Chain chain = new Chain(100);
        HolderScan.Logs logs = HolderScan.scan(chain, 0, 999, caps(50_000, 6));
        assertThat(chain.requests.get()).isEqualTo(6);
        assertThat(logs.partialReason()).contains("6 eth_getLogs requests").contains("of 999");
        assertThat(logs.logs()).isNotEmpty().allMatch(l -> l.blockNumber() <= logs.scannedTo());
        assertThat(logs.scannedTo()).isLessThan(999);
    }

    @Test
    void aNodeFaultBeforeAnyLogIsAFailureAndAfterSomeIsPartial() {
        LogSource down = (from, to) -> {
            throw new RpcException(RpcException.Kind.CONNECTION, "could not reach the node");
        };
        assertThat(HolderScan.scan(down, 0, 999, caps(50_000, 10)).failure()).contains("could not reach the node");

        AtomicInteger calls = new AtomicInteger();
        LogSource flaky = (from, to) -> {
            if (calls.incrementAndGet() > 1) {
                throw new RpcException(RpcException.Kind.SERVER_ERROR, "node answered HTTP 502");
            }
            return List.of(transfer(from, 0, address(1), address(2), 1));
        };
        HolderScan.Logs partial = HolderScan.scan(flaky, 0, 50_000, caps(50_000, 10));
        assertThat(partial.failure()).isNull();
        assertThat(partial.partialReason()).contains("502");
        assertThat(partial.logs()).hasSize(1);
    }

    @Test
    void mintsAfterTheFirstLiquidityAreEvidenceAndEarlierMintsAreNot() {
        List<TransferLedger.Transfer> transfers = new ArrayList<>();
        for (LogEntry log : List.of(
                transfer(10, 0, EvmAddress.ZERO, address(1), 1_000_000),
                transfer(11, 0, address(1), POOL, 900_000),
                transfer(30, 2, EvmAddress.ZERO, address(1), 50_000))) {
            transfers.add(TransferLedger.transfer(log));
        }
        LogEntry poolMint = new LogEntry(11, 3, transfers.get(1).log().transactionHash(), POOL.toLowerHex(),
                List.of(TransferLedger.MINT, HolderMathTests.topic(address(7))), "0x" + "0".repeat(128));
        List<Signal> signals = HolderScan.mintsAfterLaunch(transfers, List.of(poolMint), Set.of(POOL));
        assertThat(signals).singleElement().satisfies(signal -> {
            assertThat(signal.code()).isEqualTo("mint_after_launch");
            assertThat(signal.kind()).isEqualTo("evidence");
            assertThat(signal.params()).containsEntry("block", 30L).containsEntry("amount", "50000")
                    .containsEntry("to", address(1).toChecksum())
                    .containsEntry("tx", transfers.get(2).log().transactionHash());
            assertThat(signal.evidence()).hasSize(2);
        });
        // Without any pool there is no launch, so no mint is "after launch".
        assertThat(HolderScan.mintsAfterLaunch(transfers.subList(0, 1), List.of(), Set.of())).isEmpty();
    }
}
