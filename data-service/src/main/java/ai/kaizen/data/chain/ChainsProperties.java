package ai.kaizen.data.chain;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kaizen.chains.<name>}: each configured EVM chain. Addresses are text here and validated (EIP-55) when the
 * registry starts, so a typo in configuration stops the service instead of producing wrong facts.
 */
@ConfigurationProperties("kaizen")
public record ChainsProperties(@DefaultValue Map<String, Chain> chains) {

    /**
     * @param chainId       EIP-155 chain id
     * @param rpcUrls       JSON-RPC endpoints, tried in turn when one fails
     * @param manifest      optional path of a devnet manifest that supplies addresses (and the chain id)
     * @param explorer      optional Etherscan-compatible API
     * @param dexes         DEX deployments (factory and router)
     * @param wrappedNative the wrapped native coin (WETH on Ethereum)
     * @param stablecoins   USD stablecoins, used as quote tokens
     * @param multicall3    Multicall3 deployment; without one, calls are sent as a JSON-RPC batch
     * @param lockers       known LP/token locker contracts
     * @param trustedTokens well-known tokens whose capability findings may be softened (never their evidence)
     */
    public record Chain(@Nullable Long chainId, @DefaultValue List<URI> rpcUrls, @Nullable String manifest,
                        @Nullable Explorer explorer, @DefaultValue List<Dex> dexes, @Nullable String wrappedNative,
                        @DefaultValue List<Stablecoin> stablecoins, @Nullable String multicall3,
                        @DefaultValue List<Locker> lockers, @DefaultValue List<String> trustedTokens) {
    }

    /** An Etherscan-compatible API; {@code keyRequired} false for explorers that answer without a key. */
    public record Explorer(@Nullable URI apiUrl, @Nullable String apiKey, @DefaultValue("true") boolean keyRequired) {
    }

    public record Dex(String name, @DefaultValue("uniswap-v2") String kind, String factory, @Nullable String router) {
    }

    public record Stablecoin(String address, String symbol, int decimals) {
    }

    public record Locker(String address, String name) {
    }
}
