package ai.kaizen.data.bytecode;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the bytecode alone says about a contract.
 *
 * @param size               runtime code size in bytes
 * @param codeHash           keccak256 of the runtime code (what EXTCODEHASH answers)
 * @param executableHash     keccak256 of the code without its compiler metadata tail (stable across rebuilds)
 * @param compiler           compiler and version read from the metadata tail, when there is one
 * @param selectors          dispatcher selectors with a well-known name where the built-in table has one
 * @param selectorMethod     DISPATCHER, PATTERN_SCAN or NONE
 * @param opcodes            reachable occurrences of the opcodes of interest (SELFDESTRUCT, DELEGATECALL, ...)
 * @param hardcodedAddresses PUSH20 constants other than zero, the all-ones mask and tiny numbers
 * @param minimalProxyImplementation the implementation when the code is an EIP-1167 minimal proxy
 * @param delegationDesignator the delegate when the code is an EIP-7702 delegation designator (an EOA)
 * @param truncatedPush      the code ends inside PUSH data
 */
public record BytecodeReport(int size, String codeHash, String executableHash, @Nullable Compiler compiler,
                             List<Selector> selectors, String selectorMethod, Map<String, Integer> opcodes,
                             List<HardcodedAddress> hardcodedAddresses, @Nullable String minimalProxyImplementation,
                             @Nullable String delegationDesignator, boolean truncatedPush) {

    public record Compiler(@Nullable String name, @Nullable String version, @Nullable String sourceHash) {
    }

    /** {@code labelSource} is {@code well-known-signature} when the label comes from the built-in table. */
    public record Selector(String selector, @Nullable String label, @Nullable String labelSource) {
    }

    public record HardcodedAddress(String address, int offset, @Nullable String label) {
    }

    public boolean hasSelector(String selector) {
        return selectors.stream().anyMatch(s -> s.selector().equals(selector));
    }
}
