package ai.kaizen.data.clones;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import ai.kaizen.data.bytecode.BytecodeReport;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.Evidence;
import ai.kaizen.data.signals.Signal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the earliest other token of the same network whose executable code equals this one's and that a collection
 * found evidence against (a known scam), and indexes this one with whether it has evidence against it (one indexed
 * SELECT and one upsert per collection, no JSON-RPC). Code without evidence against it is no reference: the same
 * plain template (an OpenZeppelin ERC-20 whose name and supply are constructor arguments) is the runtime code of
 * countless honest tokens. Only a token's own code is compared: EIP-1167
 * minimal proxies, EIP-7702 delegated accounts and upgradeable proxies run a generic stub shared by every instance,
 * so they are neither looked up nor indexed. The database is not needed for facts: a failure skips the check with a
 * coverage note and pauses it for a minute.
 */
@Component
public class CodeIndex {

    /** The coverage entry this writes. */
    public static final String CHECK = "clones";
    public static final String CODE = "same_bytecode_as";

    private static final Logger log = LoggerFactory.getLogger(CodeIndex.class);
    private static final long QUIET_MILLIS = 60_000;
    private static final String EARLIEST = "SELECT contract_address FROM code_index WHERE network = ? "
            + "AND executable_hash = ? AND contract_address <> ? AND evidence "
            + "ORDER BY first_seen_at, contract_address LIMIT 1";
    private static final String UPSERT = "INSERT INTO code_index (network, executable_hash, contract_address, "
            + "evidence, first_seen_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (network, executable_hash, contract_address) "
            + "DO UPDATE SET evidence = EXCLUDED.evidence";

    private final @Nullable JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong quietUntil = new AtomicLong();

    @Autowired
    CodeIndex(ObjectProvider<JdbcTemplate> jdbc, Optional<Clock> clock) {
        this(jdbc.getIfAvailable(), clock.orElse(Clock.systemUTC()));
    }

    /** Outside Spring (tests); without a database every collection says the check was skipped. */
    public CodeIndex(@Nullable JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The signal (when the code was seen before at another address) and the coverage entry. */
    public record Outcome(Optional<Signal> signal, Coverage coverage) {
    }

    /**
     * Looks the token's code up, then indexes it; never throws.
     *
     * @param proxyKind the token's proxy kind ({@code none} for a plain contract)
     * @param address   the token's checksummed address
     * @param signals   the collection's other signals: an evidence signal among them makes this code a reference
     */
    public Outcome check(String network, String address, BytecodeReport bytecode, @Nullable String proxyKind,
                         List<Signal> signals, Instant collectedAt) {
        if (bytecode.minimalProxyImplementation() != null || bytecode.delegationDesignator() != null
                || (proxyKind != null && !"none".equals(proxyKind))) {
            return skipped("a proxy's own code is a stub shared by every instance; its implementation is what runs");
        }
        if (jdbc == null) {
            return skipped("no database is configured");
        }
        long now = clock.millis();
        if (now < quietUntil.get()) {
            return skipped("the database failed recently; checking again after " + Instant.ofEpochMilli(quietUntil.get()));
        }
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        try {
            List<String> earlier = jdbc.queryForList(EARLIEST, String.class, network, bytecode.executableHash(), lower);
            boolean evidence = signals.stream().anyMatch(s -> Signal.EVIDENCE.equals(s.kind())
                    && !CODE.equals(s.code()));
            jdbc.update(UPSERT, network, bytecode.executableHash(), lower, evidence, Timestamp.from(collectedAt));
            if (earlier.isEmpty()) {
                return new Outcome(Optional.empty(), Coverage.ran(CHECK, "no other token with this code and "
                        + "evidence against it seen on " + network));
            }
            String of = ai.kaizen.common.address.EvmAddress.parse(earlier.getFirst()).toChecksum();
            Signal signal = new Signal(CODE, Signal.EVIDENCE, Map.of("address", of), List.of(
                    new Evidence("code", address, null, bytecode.executableHash(),
                            "executable code (metadata tail removed) identical to that of " + of
                                    + ", which has evidence against it")));
            return new Outcome(Optional.of(signal), Coverage.ran(CHECK, "same executable code as " + of));
        } catch (RuntimeException e) {
            quietUntil.set(now + QUIET_MILLIS);
            log.warn("Code of {} on {} not compared (database): {}", address, network, e.toString());
            return skipped("the code index could not be read (" + e.getClass().getSimpleName()
                    + "); clones are looked for again on a later collection");
        }
    }

    private static Outcome skipped(String why) {
        return new Outcome(Optional.empty(), Coverage.skipped(CHECK, why));
    }
}
