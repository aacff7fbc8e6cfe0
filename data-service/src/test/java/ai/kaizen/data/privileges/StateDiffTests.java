package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class StateDiffTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final EvmAddress CALLER = EvmAddress.parse("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
    private static final EvmAddress TOKEN = EvmAddress.parse("0x663f3ad617193148711d28f5334ee4ed07016602");
    private static final String SLOT0 = "0x" + "0".repeat(64);
    private static final String SLOT1 = "0x" + "0".repeat(63) + "1";

    /** renounceOwnership() as anvil's prestate tracer reports it: slot 0 cleared, so it is in pre only. */
    private static JsonNode renounce() {
        return MAPPER.readTree("""
                {"post":{"0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc":{"nonce":17},
                         "0x663f3ad617193148711d28f5334ee4ed07016602":{"storage":{"%s":"0x05"}}},
                 "pre":{"0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc":{"balance":"0x21ba","nonce":16},
                        "0x663f3ad617193148711d28f5334ee4ed07016602":{"balance":"0x0","nonce":1,"storage":{
                          "%s":"0x0000000000000000000000003c44cdddb6a900fa2b585dd299e03d12fa4293bc"}}}}
                """.formatted(SLOT1, SLOT0));
    }

    @Test
    void clearedAndNewSlotsAreBothChanges() {
        StateDiff diff = StateDiff.parse(renounce());
        assertThat(diff).isNotNull();
        assertThat(diff.slots(TOKEN)).extracting(StateDiff.Slot::slot).containsExactly(SLOT0, SLOT1);
        StateDiff.Slot owner = diff.slots(TOKEN).getFirst();
        assertThat(owner.beforeValue()).isEqualTo(new BigInteger(1, CALLER.toBytes()));
        assertThat(owner.afterValue()).isZero();
        assertThat(diff.slots(TOKEN).get(1).afterValue()).isEqualTo(BigInteger.valueOf(5));
        assertThat(diff.hasEffect(CALLER)).isTrue();
    }

    @Test
    void theCallersNonceAloneIsNoEffect() {
        StateDiff diff = StateDiff.parse(MAPPER.readTree("""
                {"post":{"0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc":{"nonce":17}},
                 "pre":{"0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc":{"balance":"0x21ba","nonce":16}}}"""));
        assertThat(diff.hasEffect(CALLER)).isFalse();
        assertThat(diff.fingerprint(CALLER)).isEmpty();
        assertThat(StateDiff.parse(MAPPER.readTree("{\"result\":1}"))).isNull();
    }

    @Test
    void aBalanceMovedElsewhereIsAnEffect() {
        StateDiff diff = StateDiff.parse(MAPPER.readTree("""
                {"post":{"0x663f3ad617193148711d28f5334ee4ed07016602":{"balance":"0x0"}},
                 "pre":{"0x663f3ad617193148711d28f5334ee4ed07016602":{"balance":"0x5344","nonce":1}}}"""));
        assertThat(diff.hasEffect(CALLER)).isTrue();
        assertThat(diff.fingerprint(CALLER)).contains("balance 0");
    }

    @Test
    void theDiffAppliesOnTopOfExistingOverrides() {
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("stateDiff", new LinkedHashMap<>(Map.of("0xaa", "0x01")));
        Map<String, Object> base = new LinkedHashMap<>();
        base.put(TOKEN.toLowerHex(), token);
        base.put("0x1111111111111111111111111111111111111111", Map.of("code", "0x00"));

        Map<String, Object> after = StateDiff.parse(renounce()).applyTo(base);
        @SuppressWarnings("unchecked")
        Map<String, Object> storage = (Map<String, Object>) ((Map<String, Object>) after.get(TOKEN.toLowerHex()))
                .get("stateDiff");
        assertThat(storage).containsEntry("0xaa", "0x01").containsEntry(SLOT0, SLOT0)
                .containsEntry(SLOT1, "0x" + "0".repeat(63) + "5");
        assertThat(after).containsKey("0x1111111111111111111111111111111111111111");
        // The base stays untouched: every probe starts from it.
        assertThat(((Map<?, ?>) token.get("stateDiff"))).hasSize(1);
        assertThat(after).doesNotContainKey(CALLER.toLowerHex() + "x");
    }
}
