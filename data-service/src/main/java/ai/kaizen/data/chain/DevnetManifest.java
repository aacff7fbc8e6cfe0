package ai.kaizen.data.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.kaizen.common.address.EvmAddress;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The chain-level addresses of a devnet deployment manifest (devnet/manifest.json, schema 1):
 * {@code chainId}, {@code rpcUrl}; in {@code contracts}: {@code weth}, {@code *Factory} and {@code *Router*}
 * (paired by their common prefix, e.g. uniswapV2Factory / uniswapV2Router02), {@code multicall3},
 * {@code *Locker*}; {@code stablecoin} (or {@code stablecoins}): {address, symbol, decimals}; in {@code tokens[]},
 * entries with {@code trusted: true} are trusted tokens, and those with a USD symbol are stablecoins too.
 * Token entries are otherwise not read here: their addresses describe tokens, not the chain.
 */
record DevnetManifest(@Nullable Long chainId, @Nullable String rpcUrl, @Nullable EvmAddress multicall3,
                      @Nullable EvmAddress wrappedNative, List<Chain.Dex> dexes, List<Chain.Stablecoin> stablecoins,
                      List<Chain.Locker> lockers, List<EvmAddress> trustedTokens) {

    private static final Set<String> WRAPPED_NATIVE_KEYS = Set.of("weth", "weth9", "wrappednative", "wrapped_native",
            "wnative", "wrappedeth");
    private static final Set<String> USD_SYMBOLS = Set.of("USDC", "USDT", "DAI", "BUSD", "TUSD", "USDP", "PYUSD",
            "FDUSD", "FRAX", "LUSD", "USDE", "USDS", "DUSD");

    static DevnetManifest read(JsonNode root) {
        Builder builder = new Builder();
        JsonNode chainId = root.path("chainId");
        if (chainId.isIntegralNumber()) {
            builder.chainId = chainId.asLong();
        } else if (chainId.isString() && chainId.stringValue().matches("\\d{1,18}")) {
            builder.chainId = Long.parseLong(chainId.stringValue());
        }
        if (root.path("rpcUrl").isString()) {
            builder.rpcUrl = root.path("rpcUrl").stringValue();
        }
        JsonNode contracts = root.path("contracts");
        for (Map.Entry<String, JsonNode> field : (contracts.isObject() ? contracts : root).properties()) {
            JsonNode value = field.getValue();
            JsonNode address = value.isObject() ? value.path("address") : value;
            if (address.isString()) {
                builder.address(field.getKey(), address.stringValue());
            }
        }
        for (String section : List.of("stablecoin", "stablecoins")) {
            JsonNode coins = root.path(section);
            if (coins.isObject()) {
                builder.stablecoin(coins, true);
            } else if (coins.isArray()) {
                coins.forEach(coin -> builder.stablecoin(coin, true));
            }
        }
        for (JsonNode token : root.path("tokens")) {
            if (token.path("trusted").asBoolean(false)) {
                EvmAddress address = EvmAddress.tryParse(token.path("address").asString(""));
                if (address != null && !builder.trusted.contains(address)) {
                    builder.trusted.add(address);
                }
                builder.stablecoin(token, false);
            }
        }
        builder.pairDexes();
        return new DevnetManifest(builder.chainId, builder.rpcUrl, builder.multicall3, builder.wrappedNative,
                builder.dexes, builder.stablecoins, builder.lockers, builder.trusted);
    }

    private static final class Builder {
        @Nullable Long chainId;
        @Nullable String rpcUrl;
        @Nullable EvmAddress multicall3;
        @Nullable EvmAddress wrappedNative;
        final List<String[]> factories = new ArrayList<>();
        final List<String[]> routers = new ArrayList<>();
        final List<Chain.Dex> dexes = new ArrayList<>();
        final List<Chain.Stablecoin> stablecoins = new ArrayList<>();
        final List<Chain.Locker> lockers = new ArrayList<>();
        final List<EvmAddress> trusted = new ArrayList<>();

        void address(String key, String text) {
            EvmAddress address = EvmAddress.tryParse(text);
            if (address == null) {
                return;
            }
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("multicall")) {
                multicall3 = address;
            } else if (WRAPPED_NATIVE_KEYS.contains(lower)) {
                wrappedNative = address;
            } else if (lower.contains("factory")) {
                factories.add(new String[] {key, address.toChecksum()});
            } else if (lower.contains("router")) {
                routers.add(new String[] {key, address.toChecksum()});
            } else if (lower.contains("locker") && lockers.stream().noneMatch(l -> l.address().equals(address))) {
                lockers.add(new Chain.Locker(address, key));
            }
        }

        void stablecoin(JsonNode node, boolean declared) {
            EvmAddress address = EvmAddress.tryParse(node.path("address").asString(""));
            JsonNode symbol = node.path("symbol");
            JsonNode decimals = node.path("decimals");
            if (address == null || !symbol.isString() || !decimals.isIntegralNumber()) {
                return;
            }
            boolean usd = USD_SYMBOLS.contains(symbol.stringValue().toUpperCase(Locale.ROOT));
            if ((declared || usd) && stablecoins.stream().noneMatch(s -> s.address().equals(address))) {
                stablecoins.add(new Chain.Stablecoin(address, symbol.stringValue(), decimals.asInt()));
            }
        }

        /** Pairs each factory with the router whose key shares its prefix (uniswapV2Factory / uniswapV2Router02). */
        void pairDexes() {
            for (String[] factory : factories) {
                String prefix = factory[0].toLowerCase(Locale.ROOT).replace("factory", "");
                EvmAddress router = null;
                for (String[] candidate : routers) {
                    String candidatePrefix = candidate[0].toLowerCase(Locale.ROOT).replaceAll("router\\d*", "");
                    if (candidatePrefix.equals(prefix) || routers.size() == 1) {
                        router = EvmAddress.parse(candidate[1]);
                        break;
                    }
                }
                String name = factory[0].replaceAll("(?i)factory", "").strip();
                String kind = prefix.contains("v2") ? "uniswap-v2" : prefix.contains("v3") ? "uniswap-v3" : "uniswap-v2";
                dexes.add(new Chain.Dex(name.isEmpty() ? "devnet DEX" : name, kind, EvmAddress.parse(factory[1]), router));
            }
        }
    }
}
