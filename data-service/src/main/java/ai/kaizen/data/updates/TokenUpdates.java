package ai.kaizen.data.updates;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import ai.kaizen.common.events.DataEvents;
import ai.kaizen.common.events.TokenDataUpdated;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.data.facts.Coverage;
import ai.kaizen.data.facts.Depth;
import ai.kaizen.data.facts.TokenFacts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compares each standard or comprehensive collection with the token's previous one and publishes
 * {@link TokenDataUpdated} on {@code events:data} (key {@code network:contractAddress}) when something score-relevant
 * changed, or {@code ["first-seen"]} for a token never collected before. The fingerprint row and the outbox row are
 * written in one transaction, with the row locked, so two collections of one token never publish one change twice.
 * <p>
 * The database is not needed for facts: a failure is logged, reported as the {@code updates} coverage entry and
 * pauses comparisons for a quiet period. Nothing is lost by it: the next comparison is made against the last
 * baseline stored, so it sees every change since.
 */
@Component
public class TokenUpdates {

    /** The coverage entry this writes. */
    public static final String CHECK = "updates";
    static final String FIRST_SEEN = "first-seen";

    private static final Logger log = LoggerFactory.getLogger(TokenUpdates.class);
    private static final String INSERT = "INSERT INTO token_snapshots (network, contract_address, block_number, "
            + "fingerprint, first_seen_at, collected_at, changed_at) VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?, ?) "
            + "ON CONFLICT (network, contract_address) DO NOTHING";
    private static final String LOCK = "SELECT block_number, fingerprint::text AS fingerprint FROM token_snapshots "
            + "WHERE network = ? AND contract_address = ? FOR UPDATE";
    private static final String UPDATE = "UPDATE token_snapshots SET block_number = ?, fingerprint = CAST(? AS jsonb), "
            + "collected_at = ?, changed_at = CASE WHEN ? THEN ? ELSE changed_at END "
            + "WHERE network = ? AND contract_address = ?";

    private final @Nullable JdbcTemplate jdbc;
    private final @Nullable TransactionTemplate transactions;
    private final @Nullable Outbox outbox;
    private final JsonMapper mapper;
    private final UpdatesProperties properties;
    private final Clock clock;
    private final AtomicLong quietUntil = new AtomicLong();

    @Autowired
    TokenUpdates(ObjectProvider<JdbcTemplate> jdbc, ObjectProvider<TransactionTemplate> transactions,
                 ObjectProvider<Outbox> outbox, JsonMapper mapper, UpdatesProperties properties, Optional<Clock> clock) {
        this(jdbc.getIfAvailable(), transactions.getIfAvailable(), outbox.getIfAvailable(), mapper, properties,
                clock.orElse(Clock.systemUTC()));
    }

    /** Outside Spring (tests); without a database or an outbox every collection reports why nothing was compared. */
    public TokenUpdates(@Nullable JdbcTemplate jdbc, @Nullable TransactionTemplate transactions,
                        @Nullable Outbox outbox, JsonMapper mapper, UpdatesProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** What one comparison did: the changes published (empty: none), or why it did not compare. */
    public record Outcome(List<String> published, Coverage coverage) {
    }

    /** Compares the collection with the stored baseline and publishes a change; never throws. */
    public Outcome record(TokenFacts facts) {
        if (!properties.enabled()) {
            return skipped("comparing collections is off (kaizen.updates.enabled)");
        }
        if (Depth.parse(facts.depth()) == Depth.QUICK) {
            return skipped("not part of quick depth");
        }
        if (facts.bytecode() == null) {
            return skipped("the token's code could not be read: nothing to compare");
        }
        if (jdbc == null || transactions == null || outbox == null) {
            return skipped(jdbc == null ? "no database is configured" : "messaging (the outbox) is not configured");
        }
        long now = clock.millis();
        if (now < quietUntil.get()) {
            return new Outcome(List.of(), Coverage.failed(CHECK, "the database failed recently; comparing again after "
                    + Instant.ofEpochMilli(quietUntil.get())));
        }
        TokenFingerprint current = TokenFingerprint.of(facts, mapper);
        try {
            List<String> published = transactions.execute(status -> compare(facts, current));
            List<String> changes = published == null ? List.of() : published;
            return new Outcome(changes, Coverage.ran(CHECK, changes.isEmpty() ? "no score-relevant change since the "
                    + "last collection" : "published data.token-updated " + changes));
        } catch (RuntimeException e) {
            quietUntil.set(now + properties.quietPeriod().toMillis());
            log.warn("Changes of {} on {} not compared (database): {}", facts.address(), facts.network(), e.toString());
            return new Outcome(List.of(), Coverage.failed(CHECK, "the database could not be written ("
                    + e.getClass().getSimpleName() + "); changes are compared again on a later collection"));
        }
    }

    private List<String> compare(TokenFacts facts, TokenFingerprint current) {
        Instant collectedAt = facts.collectedAt();
        Timestamp at = Timestamp.from(collectedAt);
        String json = mapper.writeValueAsString(current);
        int inserted = jdbc.update(INSERT, facts.network(), facts.address(), facts.blockNumber(), json, at, at, at);
        if (inserted == 1) {
            publish(facts, List.of(FIRST_SEEN));
            return List.of(FIRST_SEEN);
        }
        Map<String, Object> row = jdbc.queryForMap(LOCK, facts.network(), facts.address());
        Number storedBlock = (Number) row.get("block_number");
        if (storedBlock != null && facts.blockNumber() != null && facts.blockNumber() < storedBlock.longValue()) {
            // An older view of the chain than the baseline (a slow collection finishing late): nothing new in it.
            return List.of();
        }
        TokenFingerprint before = mapper.readValue((String) row.get("fingerprint"), TokenFingerprint.class);
        List<String> changes = current.changesFrom(before, properties);
        // After a change this collection is the baseline; otherwise the baseline stays (small moves add up) and
        // only learns what it did not know.
        TokenFingerprint baseline = changes.isEmpty() ? before.over(current) : current.over(before);
        jdbc.update(UPDATE, facts.blockNumber(), mapper.writeValueAsString(baseline), at, !changes.isEmpty(), at,
                facts.network(), facts.address());
        if (!changes.isEmpty()) {
            publish(facts, changes);
        }
        return changes;
    }

    private void publish(TokenFacts facts, List<String> changes) {
        outbox.add(DataEvents.STREAM.key(), facts.network() + ":" + facts.address(),
                new TokenDataUpdated(facts.network(), facts.address(), changes, facts.blockNumber(),
                        facts.collectedAt()));
    }

    private static Outcome skipped(String why) {
        return new Outcome(List.of(), Coverage.skipped(CHECK, why));
    }
}
