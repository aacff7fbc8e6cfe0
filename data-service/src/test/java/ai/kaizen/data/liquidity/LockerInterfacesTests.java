package ai.kaizen.data.liquidity;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LockerInterfacesTests {

    static final EvmAddress PAIR = EvmAddress.parse("0x00000000000000000000000000000000000000a1");
    static final EvmAddress OWNER = EvmAddress.parse("0x00000000000000000000000000000000000000c1");

    static byte[] words(Object... values) {
        StringBuilder hex = new StringBuilder();
        for (Object value : values) {
            BigInteger number = value instanceof EvmAddress a ? new BigInteger(1, a.toBytes()) : (BigInteger) value;
            hex.append(String.format("%064x", number));
        }
        return HexFormat.of().parseHex(hex.toString());
    }

    static BigInteger n(long value) {
        return BigInteger.valueOf(value);
    }

    @Test
    void readsTheDevnetLockerUncxAndTeamFinanceLocks() {
        LockerInterfaces.Lock devnet = LockerInterfaces.decode("LiquidityLocker", PAIR, n(4),
                words(PAIR, OWNER, n(500), n(1_700_000_000), n(1_861_920_000), n(0)));
        assertThat(devnet).isEqualTo(new LockerInterfaces.Lock(n(4), OWNER, n(500), 1_861_920_000L, false));

        LockerInterfaces.Lock uncx = LockerInterfaces.decode("UNCX", PAIR, n(0),
                words(n(1_700_000_000), n(700), n(1000), n(1_900_000_000), n(42), OWNER));
        assertThat(uncx).isEqualTo(new LockerInterfaces.Lock(n(42), OWNER, n(700), 1_900_000_000L, false));

        LockerInterfaces.Lock team = LockerInterfaces.decode("Team Finance", PAIR, n(9),
                words(PAIR, OWNER, n(300), n(1_800_000_000), n(1)));
        assertThat(team).isEqualTo(new LockerInterfaces.Lock(n(9), OWNER, n(300), 1_800_000_000L, true));
    }

    @Test
    void aLockOfAnotherTokenOrOutOfShapeIsIgnored() {
        EvmAddress other = EvmAddress.parse("0x00000000000000000000000000000000000000a2");
        assertThat(LockerInterfaces.decode("LiquidityLocker", PAIR, n(1),
                words(other, OWNER, n(500), n(1), n(2), n(0)))).isNull();
        assertThat(LockerInterfaces.decode("LiquidityLocker", PAIR, n(1), words(PAIR, OWNER, n(500)))).isNull();
        // A bool that is not 0 or 1 is not a bool.
        assertThat(LockerInterfaces.decode("Team Finance", PAIR, n(1), words(PAIR, OWNER, n(1), n(2), n(7)))).isNull();
    }

    @Test
    void lockIndexesDecodeIdArraysAndUncxCounts() {
        LockerInterfaces.Index ids = LockerInterfaces.INDEXES.get(0);
        assertThat(ids.refs(words(n(32), n(2), n(3), n(5)))).containsExactly(n(3), n(5));
        assertThat(ids.refs(new byte[0])).isNull();
        assertThat(ids.refs(words(n(32), n(5), n(1)))).as("length beyond the data").isNull();
        LockerInterfaces.Index count = LockerInterfaces.INDEXES.get(1);
        assertThat(count.refs(words(n(3)))).containsExactly(n(0), n(1), n(2));
        assertThat(count.refs(words(n(1_000_000)))).isNull();
        assertThat(LockerInterfaces.INDEXES).extracting(LockerInterfaces.Index::name)
                .isEqualTo(List.of("LiquidityLocker", "UNCX", "Team Finance"));
    }
}
