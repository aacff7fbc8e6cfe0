package ai.kaizen.data.chain;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;

/** A validated chain from the registry. {@code source} says where its addresses came from. */
public record Chain(String name, long chainId, List<URI> rpcUrls, @Nullable Explorer explorer, List<Dex> dexes,
                    @Nullable EvmAddress wrappedNative, List<Stablecoin> stablecoins, @Nullable EvmAddress multicall3,
                    List<Locker> lockers, Set<EvmAddress> trustedTokens, String source) {

    public record Explorer(URI apiUrl, @Nullable String apiKey, boolean keyRequired) {

        /** Whether a call can be made at all (a required key is present). */
        public boolean usable() {
            return !keyRequired || (apiKey != null && !apiKey.isBlank());
        }
    }

    public record Dex(String name, String kind, EvmAddress factory, @Nullable EvmAddress router) {
    }

    public record Stablecoin(EvmAddress address, String symbol, int decimals) {
    }

    public record Locker(EvmAddress address, String name) {
    }

    /** A human label for a known address of this chain (router, factory, locker, stablecoin...), if any. */
    public Optional<String> label(EvmAddress address) {
        if (address.equals(wrappedNative)) {
            return Optional.of("wrapped native");
        }
        if (address.equals(multicall3)) {
            return Optional.of("Multicall3");
        }
        if (address.equals(EvmAddress.DEAD)) {
            return Optional.of("burn address");
        }
        for (Dex dex : dexes) {
            if (address.equals(dex.factory())) {
                return Optional.of(dex.name() + " factory");
            }
            if (address.equals(dex.router())) {
                return Optional.of(dex.name() + " router");
            }
        }
        for (Locker locker : lockers) {
            if (address.equals(locker.address())) {
                return Optional.of("locker: " + locker.name());
            }
        }
        for (Stablecoin stablecoin : stablecoins) {
            if (address.equals(stablecoin.address())) {
                return Optional.of("stablecoin: " + stablecoin.symbol());
            }
        }
        return Optional.empty();
    }
}
