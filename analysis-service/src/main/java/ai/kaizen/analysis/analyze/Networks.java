package ai.kaizen.analysis.analyze;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.address.InvalidAddressException;
import ai.kaizen.common.address.SolanaAddress;

/** The networks the API accepts and the canonical form of an address on each. */
public final class Networks {

    private final List<String> names;
    private final Set<String> solana;

    public Networks(AnalysisProperties properties) {
        this.names = properties.networks().stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        this.solana = properties.solanaNetworks().stream().map(n -> n.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    public List<String> names() {
        return names;
    }

    public boolean isSolana(String network) {
        return solana.contains(network);
    }

    /**
     * The token, validated: a known network and an address in its canonical form.
     *
     * @throws AnalysisProblem 400 for an unknown network, a malformed address or an EIP-55 checksum mismatch
     */
    public TokenId token(String network, String address) {
        String name = network.trim().toLowerCase(Locale.ROOT);
        if (!names.contains(name)) {
            throw AnalysisProblem.badRequest("unknown-network", "Unknown network",
                    "network '" + clip(network) + "' is not supported; use one of " + names);
        }
        return new TokenId(name, canonical(name, address));
    }

    /** The canonical form of an address on a network. */
    public String canonical(String network, String address) {
        String text = address.trim();
        try {
            return isSolana(network) ? SolanaAddress.parse(text).toString() : EvmAddress.parse(text).toChecksum();
        } catch (InvalidAddressException e) {
            if (e.reason() == InvalidAddressException.Reason.CHECKSUM_MISMATCH) {
                throw AnalysisProblem.badRequest("checksum-mismatch", "EIP-55 checksum mismatch", e.getMessage());
            }
            throw AnalysisProblem.badRequest("malformed-address", "Malformed address",
                    (isSolana(network) ? "not a Solana address: " : "not an EVM address: ") + e.getMessage());
        }
    }

    static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 32 ? clean.substring(0, 32) + "…" : clean;
    }
}
