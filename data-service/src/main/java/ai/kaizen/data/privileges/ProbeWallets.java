package ai.kaizen.data.privileges;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;

/** The fresh addresses privilege probing uses; none exists on any chain (they are keccak-derived). */
public final class ProbeWallets {

    /** Funded wallet the probes aim at. */
    public static final EvmAddress VICTIM = derived("kaizen.probe.victim");
    /** A second funded wallet: if it cannot transfer either, a probe paused everyone, not just the victim. */
    public static final EvmAddress OTHER = derived("kaizen.probe.other");
    /** A fresh wallet that buys, transfers and sells in every check (taxes for everyone). */
    public static final EvmAddress BUYER = derived("kaizen.probe.check-buyer");
    public static final EvmAddress RECIPIENT = derived("kaizen.probe.check-recipient");
    public static final EvmAddress SECOND_RECIPIENT = derived("kaizen.probe.check-recipient-2");
    /**
     * Holds the probe code once per request; the wallets carry an EIP-1167 minimal proxy to it (45 bytes each), which
     * keeps requests small (nodes cap request bodies).
     */
    public static final EvmAddress CODE = derived("kaizen.probe.code");
    /** Calls every selector too: whatever it can do is not a privilege. */
    public static final EvmAddress NOBODY = derived("kaizen.probe.nobody");

    public static final Set<EvmAddress> ALL = Set.of(VICTIM, OTHER, BUYER, RECIPIENT, SECOND_RECIPIENT, NOBODY, CODE);

    private ProbeWallets() {
    }

    /** EIP-1167 runtime code delegating every call to {@link #CODE}. */
    public static String minimalProxy() {
        return "0x363d3d373d3d3d363d73" + CODE.toLowerHex().substring(2) + "5af43d82803e903d91602b57fd5bf3";
    }

    static EvmAddress derived(String seed) {
        byte[] hash = EvmAddress.keccak256(seed.getBytes(StandardCharsets.UTF_8));
        return EvmAddress.of(Arrays.copyOfRange(hash, 12, 32));
    }
}
