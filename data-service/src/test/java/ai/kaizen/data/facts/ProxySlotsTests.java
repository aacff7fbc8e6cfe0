package ai.kaizen.data.facts;

import java.util.HexFormat;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProxySlotsTests {

    @Test
    void slotsMatchTheirPublishedValues() {
        assertThat(ProxySlots.IMPLEMENTATION).isEqualTo("0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc");
        assertThat(ProxySlots.ADMIN).isEqualTo("0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103");
        assertThat(ProxySlots.BEACON).isEqualTo("0xa3f0ad74e5423aebfd80d3ef4346578335a9a72aeaee59ff6cb3582b35133d50");
        assertThat(ProxySlots.PROXIABLE).isEqualTo("0xc5f16f0fcc639fa48a6947836d9850f504798523bf8c9a3a87d5876cf622bcf7");
    }

    @Test
    void aSlotHoldingAnAddressDecodesToIt() {
        byte[] word = HexFormat.of().parseHex("000000000000000000000000" + "5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f");
        assertThat(Abi.slotAddress(word)).isEqualTo(EvmAddress.parse("0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"));
    }

    @Test
    void anEmptySlotIsTheZeroAddressAndDirtyUpperBytesAreNotAnAddress() {
        assertThat(Abi.slotAddress(new byte[32])).isEqualTo(EvmAddress.ZERO);
        byte[] dirty = HexFormat.of().parseHex("00000000000000000000ff00" + "5c69bee701ef814a2b6a3edd4b1652cb9cc5aa6f");
        assertThat(Abi.slotAddress(dirty)).isNull();
        assertThat(Abi.slotAddress(new byte[31])).isNull();
    }
}
