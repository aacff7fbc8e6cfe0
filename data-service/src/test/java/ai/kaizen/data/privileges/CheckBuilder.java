package ai.kaizen.data.privileges;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.simulation.ProbeAbi;

import static ai.kaizen.data.simulation.ProbeLayout.*;

/** Synthetic check() results: a healthy token (everything works, no tax) to be altered per test. */
final class CheckBuilder {

    private final List<BigInteger> out = new ArrayList<>(Collections.nCopies(C_LENGTH, BigInteger.ZERO));
    private final List<byte[]> reasons = new ArrayList<>(Collections.nCopies(CR_LENGTH, new byte[0]));

    CheckBuilder() {
        set(C_SUPPLY_OK, 1).set(C_SUPPLY, 1_000_000).set(C_BAL_V, 1_000).set(C_BAL_O, 1_000)
                .set(C_OWNER_OK, 1).set(C_OWNER, 0xabcdef)
                .set(C_V_TRANSFER_OK, 1).set(C_V_TRANSFER_AMOUNT, 10).set(C_V_TRANSFER_RECEIVED, 10)
                .set(C_V_SELL_OK, 1).set(C_V_SELL_AMOUNT, 10_000).set(C_V_SELL_POOL_RECEIVED, 10_000)
                .set(C_O_TRANSFER_OK, 1)
                .trade(S_BUY_OK, 1).trade(S_BUY_EXPECTED, 100_000).trade(S_BUY_RECEIVED, 100_000)
                .trade(S_TRANSFER_OK, 1).trade(S_TRANSFER_AMOUNT, 10_000).trade(S_TRANSFER_RECEIVED, 10_000)
                .trade(S_SELL_OK, 1).trade(S_SELL_AMOUNT, 40_000).trade(S_SELL_POOL_RECEIVED, 40_000);
    }

    CheckBuilder set(int index, long value) {
        out.set(index, BigInteger.valueOf(value));
        return this;
    }

    CheckBuilder owner(EvmAddress owner) {
        out.set(C_OWNER, new BigInteger(1, owner.toBytes()));
        return this;
    }

    CheckBuilder trade(int index, long value) {
        return set(C_TRADE + index, value);
    }

    Check build() {
        return new Check(new ProbeAbi.Result(List.copyOf(out), List.copyOf(reasons)));
    }
}
