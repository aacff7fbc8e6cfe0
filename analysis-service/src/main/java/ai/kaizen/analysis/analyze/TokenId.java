package ai.kaizen.analysis.analyze;

import java.util.Objects;

/**
 * A token on a network: network name in lower case and the address in canonical form (EIP-55 for EVM, base58 for
 * Solana).
 */
public record TokenId(String network, String address) {

    public TokenId {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(address, "address");
    }

    @Override
    public String toString() {
        return network + ":" + address;
    }
}
