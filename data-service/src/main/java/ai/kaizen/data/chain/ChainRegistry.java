package ai.kaizen.data.chain;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.address.InvalidAddressException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every EVM chain by name. Built from {@code kaizen.chains}; a chain with a {@code manifest} path also takes the
 * addresses its devnet deployment wrote there, and picks up a new or changed manifest without a restart (the devnet
 * may be deployed after the service started). A missing manifest is logged, never fatal.
 */
@Component
public class ChainRegistry {

    /** Networks that exist but are not EVM chains; they cannot be configured here. */
    public static final Set<String> NON_EVM = Set.of("solana");

    private static final Logger log = LoggerFactory.getLogger(ChainRegistry.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

    private final Map<String, ChainsProperties.Chain> configured;
    private final JsonMapper mapper;
    private final Map<String, Chain> chains = new LinkedHashMap<>();
    private final Map<String, @Nullable FileTime> manifestVersions = new LinkedHashMap<>();

    public ChainRegistry(ChainsProperties properties, JsonMapper mapper) {
        this.configured = properties.chains();
        this.mapper = mapper;
        for (Map.Entry<String, ChainsProperties.Chain> entry : configured.entrySet()) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            if (!NAME.matcher(name).matches() || NON_EVM.contains(name)) {
                throw new IllegalStateException("kaizen.chains." + entry.getKey()
                        + ": a chain name is 1-32 lowercase letters, digits or dashes, and not " + NON_EVM);
            }
            chains.put(name, build(name, entry.getValue(), true));
        }
        log.info("Chain registry: {}", chains.values().stream()
                .map(c -> c.name() + " (chain id " + c.chainId() + ", " + c.source() + ")").toList());
    }

    /** The chain called {@code name} (case-insensitive), reloading its manifest if that file changed. */
    public synchronized Optional<Chain> find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Chain chain = chains.get(key);
        if (chain == null) {
            return Optional.empty();
        }
        ChainsProperties.Chain settings = configured.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(key)).map(Map.Entry::getValue).findFirst().orElseThrow();
        if (settings.manifest() != null && !settings.manifest().isBlank()) {
            FileTime now = modified(Path.of(settings.manifest()));
            if (!java.util.Objects.equals(now, manifestVersions.get(key))) {
                chain = build(key, settings, false);
                chains.put(key, chain);
            }
        }
        return Optional.of(chain);
    }

    public synchronized Collection<Chain> all() {
        return List.copyOf(chains.values());
    }

    private Chain build(String name, ChainsProperties.Chain settings, boolean startup) {
        String where = "kaizen.chains." + name;
        DevnetManifest manifest = null;
        String source = "configuration";
        if (settings.manifest() != null && !settings.manifest().isBlank()) {
            Path path = Path.of(settings.manifest()).toAbsolutePath().normalize();
            FileTime version = modified(path);
            manifestVersions.put(name, version);
            if (version == null) {
                log.info("Chain {}: no devnet manifest at {} yet; using configuration only (no DEX, Multicall3 or "
                        + "stablecoin addresses until the devnet writes it)", name, path);
            } else {
                try {
                    manifest = DevnetManifest.read(mapper.readTree(Files.readAllBytes(path)));
                    source = "configuration + manifest " + path;
                    log.info("Chain {}: loaded devnet manifest {} ({} DEX, {} stablecoins, multicall3 {})", name, path,
                            manifest.dexes().size(), manifest.stablecoins().size(), manifest.multicall3());
                } catch (IOException | JacksonException | InvalidAddressException e) {
                    if (startup) {
                        log.warn("Chain {}: devnet manifest {} is unreadable ({}); using configuration only", name,
                                path, e.getMessage());
                    } else {
                        log.warn("Chain {}: devnet manifest {} changed but is unreadable ({})", name, path, e.getMessage());
                    }
                }
            }
        }

        Long chainId = settings.chainId() != null ? settings.chainId() : manifest != null ? manifest.chainId() : null;
        if (chainId == null || chainId <= 0) {
            throw new IllegalStateException(where + ".chain-id is required (a positive EIP-155 chain id)");
        }
        List<URI> rpcUrls = new ArrayList<>();
        for (URI url : settings.rpcUrls()) {
            if (url.toString().isBlank()) {
                continue;
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalStateException(where + ".rpc-urls: only http(s) URLs are supported, not " + url);
            }
            rpcUrls.add(url);
        }
        if (rpcUrls.isEmpty() && manifest != null && manifest.rpcUrl() != null) {
            rpcUrls.add(URI.create(manifest.rpcUrl()));
        }

        Chain.Explorer explorer = null;
        if (settings.explorer() != null && settings.explorer().apiUrl() != null
                && !settings.explorer().apiUrl().toString().isBlank()) {
            String key = settings.explorer().apiKey();
            explorer = new Chain.Explorer(settings.explorer().apiUrl(), key == null || key.isBlank() ? null : key,
                    settings.explorer().keyRequired());
        }

        List<Chain.Dex> dexes = new ArrayList<>();
        for (ChainsProperties.Dex dex : settings.dexes()) {
            dexes.add(new Chain.Dex(dex.name(), dex.kind(), address(where + ".dexes.factory", dex.factory()),
                    dex.router() == null || dex.router().isBlank() ? null : address(where + ".dexes.router", dex.router())));
        }
        List<Chain.Stablecoin> stablecoins = new ArrayList<>();
        for (ChainsProperties.Stablecoin coin : settings.stablecoins()) {
            stablecoins.add(new Chain.Stablecoin(address(where + ".stablecoins", coin.address()), coin.symbol(),
                    coin.decimals()));
        }
        List<Chain.Locker> lockers = new ArrayList<>();
        for (ChainsProperties.Locker locker : settings.lockers()) {
            lockers.add(new Chain.Locker(address(where + ".lockers", locker.address()), locker.name()));
        }
        EvmAddress wrappedNative = optionalAddress(where + ".wrapped-native", settings.wrappedNative());
        EvmAddress multicall3 = optionalAddress(where + ".multicall3", settings.multicall3());
        if (manifest != null) {
            wrappedNative = wrappedNative != null ? wrappedNative : manifest.wrappedNative();
            multicall3 = multicall3 != null ? multicall3 : manifest.multicall3();
            addMissing(dexes, manifest.dexes(), Chain.Dex::factory);
            addMissing(stablecoins, manifest.stablecoins(), Chain.Stablecoin::address);
            addMissing(lockers, manifest.lockers(), Chain.Locker::address);
        }
        Set<EvmAddress> trusted = new LinkedHashSet<>();
        for (String token : settings.trustedTokens()) {
            trusted.add(address(where + ".trusted-tokens", token));
        }
        if (manifest != null) {
            trusted.addAll(manifest.trustedTokens());
        }
        return new Chain(name, chainId, List.copyOf(rpcUrls), explorer, List.copyOf(dexes), wrappedNative,
                List.copyOf(stablecoins), multicall3, List.copyOf(lockers), Set.copyOf(trusted), source);
    }

    private static <T> void addMissing(List<T> target, List<T> extra, java.util.function.Function<T, EvmAddress> key) {
        for (T item : extra) {
            if (target.stream().noneMatch(existing -> key.apply(existing).equals(key.apply(item)))) {
                target.add(item);
            }
        }
    }

    private static @Nullable EvmAddress optionalAddress(String where, @Nullable String text) {
        return text == null || text.isBlank() ? null : address(where, text);
    }

    private static EvmAddress address(String where, String text) {
        try {
            return EvmAddress.parse(text.strip());
        } catch (InvalidAddressException e) {
            throw new IllegalStateException(where + ": '" + text + "' is not a valid address: " + e.getMessage(), e);
        }
    }

    private static @Nullable FileTime modified(Path path) {
        try {
            return Files.isRegularFile(path) ? Files.getLastModifiedTime(path) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
