package ai.kaizen.data.chain;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ai.kaizen.common.address.EvmAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChainRegistryTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String WETH = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
    private static final String FACTORY = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
    private static final String ROUTER = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";
    private static final String MULTICALL = "0xcA11bde05977b3631167028862bE2a173976CA11";
    private static final String DUSD_TOKEN = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
    private static final String USDT_TOKEN = "0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9";
    private static final String LOCKER = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707";

    private static ChainsProperties.Chain devnet(Path manifest) {
        return new ChainsProperties.Chain(null, List.of(URI.create("http://127.0.0.1:8545")), manifest.toString(), null,
                List.of(), null, List.of(), null, List.of(), List.of());
    }

    /** The shape of devnet/manifest.json (schema 1), with a token whose behaviour names a "factory" of its own. */
    private static String manifest() {
        return """
                {"schema": 1, "chainId": 31337, "network": "devnet", "rpcUrl": "http://127.0.0.1:8545",
                 "accounts": {"admin": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"},
                 "contracts": {"weth": "%s", "uniswapV2Factory": "%s", "uniswapV2Router02": "%s",
                               "uniswapV2PairInitCodeHash": "0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f",
                               "multicall3": "%s", "liquidityLocker": "%s"},
                 "stablecoin": {"address": "%s", "symbol": "DUSD", "decimals": 6},
                 "tokens": [{"key": "trusted_usdt_like", "address": "%s", "symbol": "USDT", "decimals": 6, "trusted": true},
                            {"key": "scam", "address": "0x8464135c8F25Da09e49BC8782676a84730C318bC", "symbol": "SCAM",
                             "decimals": 18, "trusted": false,
                             "behaviours": [{"code": "X", "factory": "0x37cA242a94945CdC3d3F155452a82Af6374bebD7"}]}]}
                """.formatted(WETH, FACTORY, ROUTER, MULTICALL, LOCKER, DUSD_TOKEN, USDT_TOKEN);
    }

    @Test
    void aDevnetChainTakesItsAddressesFromTheManifest(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        Files.writeString(file, manifest());
        ChainRegistry registry = new ChainRegistry(new ChainsProperties(Map.of("devnet", devnet(file))), MAPPER);

        Chain chain = registry.find("devnet").orElseThrow();
        assertThat(chain.chainId()).isEqualTo(31337);
        assertThat(chain.wrappedNative()).isEqualTo(EvmAddress.parse(WETH));
        assertThat(chain.multicall3()).isEqualTo(EvmAddress.parse(MULTICALL));
        assertThat(chain.dexes()).singleElement().satisfies(dex -> {
            assertThat(dex.factory()).isEqualTo(EvmAddress.parse(FACTORY));
            assertThat(dex.router()).isEqualTo(EvmAddress.parse(ROUTER));
        });
        assertThat(chain.stablecoins()).extracting(Chain.Stablecoin::symbol).containsExactly("DUSD", "USDT");
        assertThat(chain.stablecoins().getFirst().decimals()).isEqualTo(6);
        assertThat(chain.trustedTokens()).containsExactly(EvmAddress.parse(USDT_TOKEN));
        assertThat(chain.lockers()).extracting(Chain.Locker::address).containsExactly(EvmAddress.parse(LOCKER));
        assertThat(chain.source()).contains("manifest");
        assertThat(chain.label(EvmAddress.parse(ROUTER))).hasValueSatisfying(l -> assertThat(l).endsWith("router"));
        assertThat(chain.label(EvmAddress.parse(LOCKER))).hasValueSatisfying(l -> assertThat(l).startsWith("locker"));
    }

    @Test
    void theDevnetsOwnManifestIsUnderstood() throws Exception {
        Path real = Path.of("..", "devnet", "manifest.json");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(real), "no devnet/manifest.json in this checkout");
        ChainRegistry registry = new ChainRegistry(new ChainsProperties(Map.of("devnet", devnet(real))), MAPPER);

        Chain chain = registry.find("devnet").orElseThrow();
        assertThat(chain.chainId()).isEqualTo(31337);
        assertThat(chain.multicall3()).isNotNull();
        assertThat(chain.wrappedNative()).isNotNull();
        assertThat(chain.dexes()).singleElement().satisfies(dex -> assertThat(dex.router()).isNotNull());
        assertThat(chain.lockers()).isNotEmpty();
        assertThat(chain.stablecoins()).isNotEmpty();
        assertThat(chain.trustedTokens()).isNotEmpty();
    }

    @Test
    void aMissingManifestIsToleratedAndPickedUpOnceItAppears(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("manifest.json");
        ChainsProperties.Chain settings = new ChainsProperties.Chain(31337L, List.of(URI.create("http://127.0.0.1:8545")),
                file.toString(), null, List.of(), null, List.of(), null, List.of(), List.of());
        ChainRegistry registry = new ChainRegistry(new ChainsProperties(Map.of("devnet", settings)), MAPPER);

        Chain before = registry.find("devnet").orElseThrow();
        assertThat(before.multicall3()).isNull();
        assertThat(before.source()).isEqualTo("configuration");

        Files.writeString(file, manifest());
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        Chain after = registry.find("DEVNET").orElseThrow();
        assertThat(after.multicall3()).isEqualTo(EvmAddress.parse(MULTICALL));
        assertThat(after.rpcUrls()).containsExactly(URI.create("http://127.0.0.1:8545"));
    }

    @Test
    void aBadAddressInConfigurationStopsStartupNamingTheProperty() {
        ChainsProperties.Chain settings = new ChainsProperties.Chain(1L, List.of(), null, null, List.of(),
                "0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756cc2", List.of(), null, List.of(), List.of());
        assertThatThrownBy(() -> new ChainRegistry(new ChainsProperties(Map.of("ethereum", settings)), MAPPER))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kaizen.chains.ethereum.wrapped-native")
                .hasMessageContaining("EIP-55");
    }

    @Test
    void chainsNeedAnIdAValidNameAndHttpUrls() {
        ChainsProperties.Chain noId = new ChainsProperties.Chain(null, List.of(), null, null, List.of(), null,
                List.of(), null, List.of(), List.of());
        assertThatThrownBy(() -> new ChainRegistry(new ChainsProperties(Map.of("x", noId)), MAPPER))
                .hasMessageContaining("chain-id");
        ChainsProperties.Chain ok = new ChainsProperties.Chain(5L, List.of(), null, null, List.of(), null,
                List.of(), null, List.of(), List.of());
        assertThatThrownBy(() -> new ChainRegistry(new ChainsProperties(Map.of("solana", ok)), MAPPER))
                .hasMessageContaining("chain name");
        ChainsProperties.Chain ws = new ChainsProperties.Chain(5L, List.of(URI.create("ws://node:8546")), null, null,
                List.of(), null, List.of(), null, List.of(), List.of());
        assertThatThrownBy(() -> new ChainRegistry(new ChainsProperties(Map.of("x", ws)), MAPPER))
                .hasMessageContaining("http(s)");
        assertThat(new ChainRegistry(new ChainsProperties(Map.of("x", ok)), MAPPER).find("y")).isEmpty();
    }
}
