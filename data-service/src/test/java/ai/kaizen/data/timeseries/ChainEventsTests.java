package ai.kaizen.data.timeseries;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.logs.LogEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainEventsTests {

    static final Instant TIME = Instant.parse("2026-01-01T00:00:12Z");
    static final String PAIR = "0xdde0cce78631444334ec932cf786e277a4d7333b";
    static final String SENDER = "0x" + "0".repeat(24) + "9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";

    static LogEntry log(List<String> topics, String data) {
        return new LogEntry(7, 2, "0x" + "cd".repeat(32), PAIR, topics, data);
    }

    @Test
    void decodesPoolEventsWithAmountsAsDecimalStrings() {
        ChainEvent mint = ChainEvents.decode(log(List.of(
                "0x4c209b5fc8ad50758f13e2e1088ba56a560dff690a1c6fef26394f4c03821c4f", SENDER),
                String.format("0x%064x%064x", 1000, 2000)), "devnet", TIME);
        assertThat(mint.eventType()).isEqualTo("Mint");
        assertThat(mint.contractAddress()).isEqualTo(EvmAddress.parse(PAIR).toChecksum());
        assertThat(mint.eventData()).isEqualTo(Map.of("sender", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0",
                "amount0", "1000", "amount1", "2000"));
        ChainEvent burn = ChainEvents.decode(log(List.of(
                "0xdccd412f0b1252819cb1fd330b93224ca42612892bb3f4f789976e6d81936496", SENDER, SENDER),
                String.format("0x%064x%064x", 1, 2)), "devnet", TIME);
        assertThat(burn.eventType()).isEqualTo("Burn");
        assertThat(burn.eventData()).containsEntry("to", "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0");
        ChainEvent sync = ChainEvents.decode(log(List.of(
                "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1"),
                "0x" + "f".repeat(64) + String.format("%064x", 3)), "devnet", TIME);
        assertThat(sync.eventData().get("reserve0")).isEqualTo(
                "115792089237316195423570985008687907853269984665640564039457584007913129639935");
        assertThat(sync.time()).isEqualTo(TIME);
        assertThat(sync.blockNumber()).isEqualTo(7);
        assertThat(sync.logIndex()).isEqualTo(2);
    }

    @Test
    void otherOrMalformedLogsAreNotEvents() {
        assertThat(ChainEvents.decode(log(List.of("0x" + "12".repeat(32)), "0x"), "devnet", TIME)).isNull();
        assertThat(ChainEvents.decode(log(List.of(), "0x"), "devnet", TIME)).isNull();
        assertThat(ChainEvents.decode(log(List.of(
                "0x1c411e9a96e071241c2f21f7726b17ae89e3cab4c78be50e062b03a9fffbbad1"), "0x01"), "devnet", TIME)).isNull();
        assertThat(ChainEvents.decode(log(List.of(
                "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef", "0x" + "f".repeat(64), SENDER),
                String.format("0x%064x", 1)), "devnet", TIME)).as("a topic that is not an address").isNull();
    }
}
