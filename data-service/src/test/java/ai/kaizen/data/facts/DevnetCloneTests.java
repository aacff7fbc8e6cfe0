package ai.kaizen.data.facts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.clones.CodeIndex;
import ai.kaizen.data.market.PrivateDevnet;
import ai.kaizen.data.rpc.JsonRpcClient;
import ai.kaizen.data.rpc.RpcProperties;
import ai.kaizen.data.signals.Signal;
import ai.kaizen.data.timeseries.TimeSeriesProperties;
import ai.kaizen.data.timeseries.TimeSeriesWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * same_bytecode_as on the devnet: the manifest's token whose code copies another's is reported as a clone of it once
 * the original was collected, and the original collected alone (fresh index) is no clone. Which tokens are the pair
 * is read from the manifest; the detector knows no address.
 */
@EnabledIf(value = "devnetAvailable", disabledReason = "node or devnet/node_modules missing: devnet tests skipped")
class DevnetCloneTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static PrivateDevnet devnet;
    private static FactsCollector collector;
    private static JsonRpcClient client;
    private static JsonNode manifest;

    static boolean devnetAvailable() {
        return PrivateDevnet.available();
    }

    @BeforeAll
    static void start() throws Exception {
        devnet = PrivateDevnet.start();
        manifest = MAPPER.readTree(Files.readAllBytes(Path.of("..", "devnet", "manifest.json")));
        client = new JsonRpcClient(RpcProperties.defaults(), MAPPER, new SimpleMeterRegistry());
        collector = TestCollectors.collector(client, new TimeSeriesWriter(null, null, MAPPER,
                TimeSeriesProperties.defaults(), Clock.systemUTC()), new CodeIndex(
                new JdbcTemplate(TestCollectors.chainSchema()), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() throws Exception {
        if (devnet != null) {
            devnet.close();
        }
    }

    /** A network name of this test only: its code index starts empty. */
    private static ai.kaizen.data.chain.Chain freshNetwork() {
        return devnet.chain("devnet-c" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    }

    private static List<Signal> clones(ai.kaizen.data.chain.Chain chain, String address) throws Exception {
        TokenFacts facts = collector.collect(chain, EvmAddress.parse(address), Depth.STANDARD);
        return facts.signals().stream().filter(s -> s.code().equals(CodeIndex.CODE)).toList();
    }

    private static JsonNode copy() {
        return manifest.path("tokens").valueStream().filter(t -> t.path("behaviours").valueStream()
                .anyMatch(b -> b.path("code").stringValue().equals(CodeIndex.CODE))).findFirst().orElseThrow();
    }

    private static String original() {
        return copy().path("behaviours").valueStream().filter(b -> b.path("code").stringValue().equals(CodeIndex.CODE))
                .findFirst().orElseThrow().path("address").stringValue();
    }

    @Test
    void theCopyCollectedAfterTheOriginalIsReportedAsItsClone() throws Exception {
        ai.kaizen.data.chain.Chain chain = freshNetwork();
        assertThat(clones(chain, original())).isEmpty();
        List<Signal> reported = clones(chain, copy().path("address").stringValue());
        assertThat(reported).hasSize(1);
        assertThat(String.valueOf(reported.getFirst().params().get("address"))).isEqualToIgnoringCase(original());
    }

    @Test
    void theOriginalCollectedAloneIsNoClone() throws Exception {
        assertThat(clones(freshNetwork(), original())).isEmpty();
    }
}
