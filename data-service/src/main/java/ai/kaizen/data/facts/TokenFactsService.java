package ai.kaizen.data.facts;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.address.InvalidAddressException;
import ai.kaizen.common.address.SolanaAddress;
import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.chain.ChainRegistry;
import ai.kaizen.data.updates.TokenUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Validates a facts request, answers from the cache when it can, and collects otherwise. */
@Service
public class TokenFactsService {

    /** Facts and whether they came from the cache. */
    public record Answer(TokenFacts facts, boolean cached) {
    }

    private static final Logger log = LoggerFactory.getLogger(TokenFactsService.class);

    private final ChainRegistry chains;
    private final FactsCollector collector;
    private final FactsCache cache;
    private final TokenUpdates updates;
    private final Clock clock;

    TokenFactsService(ChainRegistry chains, FactsCollector collector, FactsCache cache, TokenUpdates updates,
                      Optional<Clock> clock) {
        this.chains = chains;
        this.collector = collector;
        this.cache = cache;
        this.updates = updates;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Answer facts(String network, String address, String depthText) throws NoContractCodeException {
        String name = network.toLowerCase(java.util.Locale.ROOT);
        Optional<Chain> found = chains.find(name);
        if (found.isEmpty()) {
            if (ChainRegistry.NON_EVM.contains(name)) {
                parseSolana(address);
                throw new FactsRequestException(HttpStatus.NOT_IMPLEMENTED, "Network not supported yet",
                        "token facts for " + name + " are not collected by this version of data-service");
            }
            throw new FactsRequestException(HttpStatus.BAD_REQUEST, "Unknown network",
                    "unknown network '" + clip(network) + "'; configured: "
                            + chains.all().stream().map(Chain::name).toList() + " (and solana)");
        }
        EvmAddress token = parseEvm(address);
        Depth depth;
        try {
            depth = Depth.parse(depthText);
        } catch (IllegalArgumentException e) {
            throw new FactsRequestException(HttpStatus.BAD_REQUEST, "Invalid depth", e.getMessage());
        }
        Chain chain = found.get();
        String key = FactsCache.key(chain.name(), token.toLowerHex(), depth);
        Optional<TokenFacts> cached = cache.get(key);
        if (cached.isPresent()) {
            return new Answer(cached.get(), true);
        }
        TokenFacts facts;
        try {
            facts = collector.collect(chain, token, depth);
        } catch (RuntimeException e) {
            // A defect must still not turn into a 500: the caller gets facts that say nothing ran, and we get a log.
            log.error("Collecting facts for {} on {} failed unexpectedly", token, chain.name(), e);
            facts = failedFacts(chain, token, depth, "internal error while collecting (" + e.getClass().getSimpleName()
                    + "); it has been logged");
        }
        if (depth != Depth.QUICK) {
            // A change since the previous collection becomes a data.token-updated event (outbox, same transaction).
            facts = facts.withCoverage(updates.record(facts).coverage());
        }
        cache.put(key, facts);
        return new Answer(facts, false);
    }

    private TokenFacts failedFacts(Chain chain, EvmAddress token, Depth depth, String reason) {
        List<Coverage> coverage = new java.util.ArrayList<>();
        for (String check : List.of("code", "metadata", "bytecode", "proxy", "ownership", "creator")) {
            coverage.add(Coverage.failed(check, reason));
        }
        for (String check : List.of("simulation", "privileges", "liquidity", "holders")) {
            coverage.add(Coverage.failed(check, reason));
        }
        return new TokenFacts(chain.name(), chain.chainId(), token.toChecksum(), depth.label(), clock.instant(), null,
                false, null, null, null, null, null, null, null, null, null, List.of(), coverage,
                new TokenFacts.Rpc(0, 0, 0, 0));
    }

    private static EvmAddress parseEvm(String address) {
        try {
            return EvmAddress.parse(address);
        } catch (InvalidAddressException e) {
            throw new FactsRequestException(HttpStatus.BAD_REQUEST,
                    e.reason() == InvalidAddressException.Reason.CHECKSUM_MISMATCH ? "EIP-55 checksum mismatch"
                            : "Malformed address", e.getMessage());
        }
    }

    private static void parseSolana(String address) {
        try {
            SolanaAddress.parse(address);
        } catch (InvalidAddressException e) {
            throw new FactsRequestException(HttpStatus.BAD_REQUEST, "Malformed address", e.getMessage());
        }
    }

    private static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "");
        return clean.length() > 32 ? clean.substring(0, 32) + "…" : clean;
    }
}
