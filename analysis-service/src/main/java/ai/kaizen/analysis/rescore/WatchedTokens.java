package ai.kaizen.analysis.rescore;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/** analysis.watched_tokens: one row per watchlist item, kept from user-service's events. */
final class WatchedTokens {

    private final JdbcTemplate jdbc;

    WatchedTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID watchlistId, UUID userId, String network, String contractAddress, Instant at) {
        jdbc.update("INSERT INTO watched_tokens (watchlist_id, network, contract_address, user_id, added_at) "
                        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING", watchlistId, network, contractAddress, userId,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    void remove(UUID watchlistId, String network, String contractAddress) {
        jdbc.update("DELETE FROM watched_tokens WHERE watchlist_id = ? AND network = ? AND contract_address = ?",
                watchlistId, network, contractAddress);
    }

    boolean watched(String network, String contractAddress) {
        Boolean found = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM watched_tokens WHERE network = ? "
                + "AND contract_address = ?)", Boolean.class, network, contractAddress);
        return Boolean.TRUE.equals(found);
    }
}
