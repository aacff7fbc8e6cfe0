package ai.kaizen.data.privileges;

import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallersTests {

    private static final EvmAddress OWNER = EvmAddress.parse("0x90F79bf6EB2c4f870365E785982E1f101E93b906");
    private static final EvmAddress KEEPER = EvmAddress.parse("0xFABB0ac9d68B0B445fB7357272Ff202C5651694a");
    private static final EvmAddress PAIR = EvmAddress.parse("0xDde0cce78631444334ec932CF786E277A4d7333B");
    private static final EvmAddress HARDCODED = EvmAddress.parse("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

    @Test
    void declaredControllersComeFirstThenCreatorStorageAndCode() {
        List<PrivilegeReport.Caller> callers = Callers.assemble(List.of(new Callers.Declared(OWNER, "owner()")),
                OWNER, Map.of(KEEPER, 6, PAIR, 7, EvmAddress.DEAD, 8), List.of(HARDCODED, OWNER), Set.of(PAIR), 8);
        assertThat(callers).extracting(PrivilegeReport.Caller::address)
                .containsExactly(OWNER.toChecksum(), KEEPER.toChecksum(), HARDCODED.toChecksum());
        PrivilegeReport.Caller owner = callers.getFirst();
        assertThat(owner.visible()).isTrue();
        assertThat(owner.creator()).isTrue();
        assertThat(owner.via()).containsExactly("owner()", "creator", "constant in the bytecode");
        assertThat(callers.get(1).storageSlot()).isEqualTo(6);
        assertThat(callers.get(1).visible()).isFalse();
        assertThat(callers.get(2).inBytecode()).isTrue();
        assertThat(Callers.assemble(List.of(), null, Map.of(KEEPER, 1, OWNER, 2), List.of(), Set.of(), 1)).hasSize(1);
    }
}
