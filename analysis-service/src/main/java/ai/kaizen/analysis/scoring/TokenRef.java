package ai.kaizen.analysis.scoring;

import java.util.Locale;
import java.util.Objects;

/**
 * Which token is scored; the trust list is matched against it.
 *
 * @param network network name as configured ({@code ethereum}, {@code solana}, {@code devnet}...)
 * @param address contract address (EVM, any case) or mint address (Solana, base58)
 */
public record TokenRef(String network, String address) {

    public TokenRef {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(address, "address");
    }

    /** Same network (case-insensitive) and address (case-insensitive for 0x hex, exact for base58). */
    public boolean sameAs(String otherNetwork, String otherAddress) {
        if (!network.equalsIgnoreCase(otherNetwork)) {
            return false;
        }
        return isHex(address) && isHex(otherAddress)
                ? address.toLowerCase(Locale.ROOT).equals(otherAddress.toLowerCase(Locale.ROOT))
                : address.equals(otherAddress);
    }

    private static boolean isHex(String text) {
        return text.startsWith("0x") || text.startsWith("0X");
    }
}
