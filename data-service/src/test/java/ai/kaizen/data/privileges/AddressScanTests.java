package ai.kaizen.data.privileges;

import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressScanTests {

    private static final EvmAddress KEEPER = EvmAddress.parse("0xFABB0ac9d68B0B445fB7357272Ff202C5651694a");

    private static byte[] word(String hex) {
        return HexFormat.of().parseHex("0".repeat(64 - hex.length()) + hex);
    }

    @Test
    void storageWordsHoldingAddressesAreFoundPackedOrNot() {
        String keeper = KEEPER.toLowerHex().substring(2);
        List<byte[]> words = List.of(
                word("1000000000000000000000000"),          // an amount
                word(keeper),                               // an address
                word("01" + keeper),                        // a flag packed above an address
                word(keeper + "12"),                        // an address above a uint8
                word("ff".repeat(32)));                     // a hash-like word
        assertThat(AddressScan.storage(words.subList(0, 2))).containsExactly(java.util.Map.entry(KEEPER, 1));
        assertThat(AddressScan.storage(words)).containsEntry(KEEPER, 1);
        assertThat(AddressScan.storage(List.of(words.get(2)))).containsEntry(KEEPER, 0);
        // Packed above a one-byte value: both readings are candidates, the right one among them.
        assertThat(AddressScan.storage(List.of(words.get(3)))).containsEntry(KEEPER, 0).hasSize(2);
        assertThat(AddressScan.storage(List.of(words.get(0), words.get(4)))).isEmpty();
    }

    @Test
    void push20AndAddressSizedPush32ConstantsAreFound() {
        String keeper = KEEPER.toLowerHex().substring(2);
        byte[] code = HexFormat.of().parseHex("73" + keeper + "33" + "14"             // PUSH20 keeper CALLER EQ
                + "7f" + "000000000000000000000000" + keeper                           // PUSH32 immutable address
                + "7f" + "ff".repeat(32)                                               // PUSH32 mask
                + "73" + "45524332303a207472616e7366657220616d6f75"                   // PUSH20 "ERC20: transfer amou"
                + "6001");                                                             // PUSH1 1
        assertThat(AddressScan.code(code)).containsExactly(KEEPER);
    }
}
