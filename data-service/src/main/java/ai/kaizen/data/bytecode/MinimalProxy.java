package ai.kaizen.data.bytecode;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

import ai.kaizen.common.address.EvmAddress;

/** EIP-1167 minimal proxy: the exact 45-byte runtime that delegates every call to one hard-coded implementation. */
public final class MinimalProxy {

    private static final byte[] PREFIX = HexFormat.of().parseHex("363d3d373d3d3d363d73");
    private static final byte[] SUFFIX = HexFormat.of().parseHex("5af43d82803e903d91602b57fd5bf3");

    private MinimalProxy() {
    }

    public static Optional<EvmAddress> implementation(byte[] code) {
        if (code.length != PREFIX.length + 20 + SUFFIX.length
                || !Arrays.equals(code, 0, PREFIX.length, PREFIX, 0, PREFIX.length)
                || !Arrays.equals(code, PREFIX.length + 20, code.length, SUFFIX, 0, SUFFIX.length)) {
            return Optional.empty();
        }
        return Optional.of(EvmAddress.of(Arrays.copyOfRange(code, PREFIX.length, PREFIX.length + 20)));
    }

    /** EIP-7702 delegation designator {@code 0xef0100 || address}: an EOA whose code points at a contract. */
    public static Optional<EvmAddress> delegationDesignator(byte[] code) {
        if (code.length != 23 || (code[0] & 0xff) != 0xef || code[1] != 0x01 || code[2] != 0x00) {
            return Optional.empty();
        }
        return Optional.of(EvmAddress.of(Arrays.copyOfRange(code, 3, 23)));
    }
}
