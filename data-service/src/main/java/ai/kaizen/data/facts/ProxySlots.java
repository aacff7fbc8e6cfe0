package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.data.rpc.Hex;

/** The storage slots proxies keep their pointers in, computed from their definitions rather than copied. */
final class ProxySlots {

    /** EIP-1967: keccak256("eip1967.proxy.implementation") - 1. */
    static final String IMPLEMENTATION = eip1967("eip1967.proxy.implementation");
    /** EIP-1967: keccak256("eip1967.proxy.admin") - 1. */
    static final String ADMIN = eip1967("eip1967.proxy.admin");
    /** EIP-1967: keccak256("eip1967.proxy.beacon") - 1. */
    static final String BEACON = eip1967("eip1967.proxy.beacon");
    /** EIP-1822: keccak256("PROXIABLE"). */
    static final String PROXIABLE = Hex.of(EvmAddress.keccak256("PROXIABLE".getBytes(StandardCharsets.US_ASCII)));

    private ProxySlots() {
    }

    private static String eip1967(String label) {
        BigInteger hash = new BigInteger(1, EvmAddress.keccak256(label.getBytes(StandardCharsets.US_ASCII)));
        return "0x" + String.format("%064x", hash.subtract(BigInteger.ONE));
    }
}
