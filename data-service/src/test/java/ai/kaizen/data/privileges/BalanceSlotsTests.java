package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.RpcCall;
import ai.kaizen.data.rpc.RpcError;
import ai.kaizen.data.rpc.RpcReply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.StringNode;

import static org.assertj.core.api.Assertions.assertThat;

class BalanceSlotsTests {

    private static final EvmAddress HOLDER = EvmAddress.parse("0x1111111111111111111111111111111111111111");
    private static final EvmAddress TOKEN = EvmAddress.parse("0x2222222222222222222222222222222222222222");

    @Test
    void mappingKeysFollowSolidityAndVyperLayouts() {
        // keccak256(abi.encode(holder, 5)) and keccak256(abi.encode(3, holder)), computed with ethers.
        assertThat(BalanceSlots.key(HOLDER, 5, "solidity"))
                .isEqualTo("0xe211e23e74ee2556989cb624831cd15e4324ec0f5e5d9a1c3ec21f309f497c8c");
        assertThat(BalanceSlots.key(HOLDER, 3, "vyper"))
                .isEqualTo("0x8d880ad96f277cf5638a19b870e892186320934ff5ede8fb56daeccc05010c06");
    }

    @Test
    void theProbeMarksEveryCandidateEntryAndTheMarkNamesTheSlot() {
        RpcCall probe = BalanceSlots.probe(TOKEN, HOLDER);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Map<String, String>>> overrides = (Map<String, Map<String, Map<String, String>>>)
                probe.params().get(2);
        Map<String, String> marks = overrides.get(TOKEN.toLowerHex()).get("stateDiff");
        assertThat(marks).hasSize(2 * BalanceSlots.SLOTS);
        String markOfSlot5 = marks.get(BalanceSlots.key(HOLDER, 5, "solidity"));

        BalanceSlots.Slot found = BalanceSlots.found(new RpcReply(StringNode.valueOf(markOfSlot5), null));
        assertThat(found).isEqualTo(new BalanceSlots.Slot(5, "solidity"));
        assertThat(found.keyFor(HOLDER)).isEqualTo(BalanceSlots.key(HOLDER, 5, "solidity"));
        String vyper = marks.get(BalanceSlots.key(HOLDER, 3, "vyper"));
        assertThat(BalanceSlots.found(new RpcReply(StringNode.valueOf(vyper), null)))
                .isEqualTo(new BalanceSlots.Slot(3, "vyper"));
    }

    @Test
    void aComputedBalanceOrAnErrorFindsNoSlot() {
        assertThat(BalanceSlots.found(new RpcReply(StringNode.valueOf(BalanceSlots.word(BigInteger.valueOf(1234))),
                null))).isNull();
        assertThat(BalanceSlots.found(new RpcReply(null, new RpcError(3, "execution reverted", null)))).isNull();
    }
}
