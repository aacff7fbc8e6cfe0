package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrated tables refuse rows the product must never store. */
class ConstraintsTests {

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SOLANA_MINT = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";

    private static FreshDatabase db;

    @BeforeAll
    static void migrate() throws SQLException {
        db = FreshDatabase.migrated();
    }

    @AfterAll
    static void drop() throws SQLException {
        db.close();
    }

    @Test
    void analysisResultsKeepScoresConfidenceAndLevelsInRange() throws SQLException {
        UUID project = project(USDT, "ethereum");

        assertThat(insertResult(project, 87, "Low Risk", "0.95", 90)).isEqualTo(1);
        assertRejected(() -> insertResult(project, 101, "Low Risk", "0.95", 90), CHECK_VIOLATION);
        assertRejected(() -> insertResult(project, -1, "Low Risk", "0.95", 90), CHECK_VIOLATION);
        assertRejected(() -> insertResult(project, 50, "Low Risk", "1.5", 90), CHECK_VIOLATION);
        assertRejected(() -> insertResult(project, 50, "Low Risk", "-0.01", 90), CHECK_VIOLATION);
        assertRejected(() -> insertResult(project, 50, "Low Risk", "0.5", 101), CHECK_VIOLATION);
        assertRejected(() -> insertResult(project, 50, "Safe", "0.5", 50), CHECK_VIOLATION);
        assertRejected(() -> db.update("""
                INSERT INTO analysis.analysis_results (project_id, kaizen_score, risk_level, confidence, technical_score,
                    economic_score, social_score, governance_score, full_analysis, analysis_depth)
                VALUES (?, 50, 'High Risk', 0.5, 50, 50, 50, 50, '{}', 'deep')
                """, project), CHECK_VIOLATION);
        assertRejected(() -> db.update("""
                INSERT INTO analysis.analysis_results (project_id, kaizen_score, risk_level, confidence, technical_score,
                    economic_score, social_score, governance_score, full_analysis, findings)
                VALUES (?, 50, 'High Risk', 0.5, 50, 50, 50, 50, '{}', '{"not": "a list"}')
                """, project), CHECK_VIOLATION);

        assertThat(db.single("SELECT findings::text || ' ' || alerts::text FROM analysis.analysis_results WHERE project_id = ?", project))
                .as("findings and alerts default to empty lists").isEqualTo("[] []");
    }

    @Test
    void scoreHistoryRejectsOutOfRangeScores() {
        assertRejected(() -> db.update("INSERT INTO analysis.score_history (time, network, contract_address, kaizen_score)"
                + " VALUES (now(), 'ethereum', ?, 101)", USDT), CHECK_VIOLATION);
    }

    @Test
    void projectsAreUniquePerAddressAndNetworkAndHoldSolanaAddresses() throws SQLException {
        project(USDT, "bsc");
        project(SOLANA_MINT, "solana");

        assertRejected(() -> project(USDT, "bsc"), UNIQUE_VIOLATION);
        assertThat(project(USDT, "polygon")).as("same address on another network").isNotNull();
    }

    @Test
    void watchlistItemsAreUniquePerTokenAndGoWithTheirWatchlist() throws SQLException {
        UUID user = UUID.randomUUID();
        UUID first = watchlist(user, "Degen plays");
        UUID second = watchlist(user, "Blue chips");

        assertThat(item(first, "solana", SOLANA_MINT, 70)).isEqualTo(1);
        assertThat(item(first, "ethereum", USDT, null)).isEqualTo(1);
        assertThat(item(second, "solana", SOLANA_MINT, 40)).as("same token, another watchlist").isEqualTo(1);
        assertRejected(() -> item(first, "solana", SOLANA_MINT, 10), UNIQUE_VIOLATION);
        assertRejected(() -> item(first, "base", USDT, 101), CHECK_VIOLATION);
        assertRejected(() -> watchlist(user, "  "), CHECK_VIOLATION);

        db.update("DELETE FROM users.user_watchlists WHERE id = ?", first);

        assertThat(db.single("SELECT count(*) FROM users.watchlist_items WHERE watchlist_id = ?", first)).isEqualTo("0");
        assertThat(db.single("SELECT count(*) FROM users.watchlist_items WHERE watchlist_id = ?", second)).isEqualTo("1");
    }

    @Test
    void profilesHaveUniqueUsernamesAndObjectDocuments() throws SQLException {
        db.update("INSERT INTO users.user_profiles (user_id, username) VALUES (?, 'satoshi')", UUID.randomUUID());

        assertRejected(() -> db.update("INSERT INTO users.user_profiles (user_id, username) VALUES (?, 'satoshi')",
                UUID.randomUUID()), UNIQUE_VIOLATION);
        assertRejected(() -> db.update("INSERT INTO users.user_profiles (user_id, preferences) VALUES (?, '[]')",
                UUID.randomUUID()), CHECK_VIOLATION);
    }

    @Test
    void apiUsageRejectsImpossibleStatusCodes() {
        assertRejected(() -> db.update("INSERT INTO users.api_usage (time, endpoint, method, status_code)"
                + " VALUES (now(), '/api/analysis/analyze', 'POST', 999)"), CHECK_VIOLATION);
    }

    @Test
    void walletIntelligenceKeepsRiskAndConfidenceInRange() throws SQLException {
        String insert = "INSERT INTO intel.wallet_intelligence (wallet_address, risk_score, confidence, labels)"
                + " VALUES (?, ?, ?::numeric, ARRAY['exchange'])";
        assertThat(db.update(insert, SOLANA_MINT, 10, "0.9")).isEqualTo(1);
        assertRejected(() -> db.update(insert, "0x0000000000000000000000000000000000000001", -1, "0.5"), CHECK_VIOLATION);
        assertRejected(() -> db.update(insert, "0x0000000000000000000000000000000000000002", 101, "0.5"), CHECK_VIOLATION);
        assertRejected(() -> db.update(insert, "0x0000000000000000000000000000000000000003", 50, "1.5"), CHECK_VIOLATION);
        assertRejected(() -> db.update(insert, SOLANA_MINT, 10, "0.9"), UNIQUE_VIOLATION);

        assertThat(db.single("SELECT wallet_address FROM intel.wallet_intelligence WHERE labels @> ARRAY['exchange']"))
                .isEqualTo(SOLANA_MINT);
    }

    @Test
    void socialMentionsAreDeduplicatedByPlatformPostAndTimeAndKeepSentimentInRange() throws SQLException {
        OffsetDateTime posted = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        String insert = "INSERT INTO social.social_mentions (time, contract_address, platform, post_id, sentiment_score)"
                + " VALUES (?, ?, 'twitter', ?, ?::numeric) ON CONFLICT DO NOTHING";

        assertThat(db.update(insert, posted, USDT, "1790000000000000001", "0.4")).isEqualTo(1);
        assertThat(db.update(insert, posted, USDT, "1790000000000000001", "0.4")).as("re-fetched post").isZero();
        assertRejected(() -> db.update("INSERT INTO social.social_mentions (time, contract_address, platform, post_id)"
                + " VALUES (?, ?, 'twitter', '1790000000000000001')", posted, USDT), UNIQUE_VIOLATION);
        assertRejected(() -> db.update(insert, posted, USDT, "1790000000000000002", "1.5"), CHECK_VIOLATION);
        assertRejected(() -> db.update(insert, posted, USDT, "1790000000000000003", "-1.01"), CHECK_VIOLATION);
    }

    @Test
    void blockchainEventsAreDeduplicatedByTransactionAndLogIndex() throws SQLException {
        OffsetDateTime block = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5);
        String tx = "0x" + "ab".repeat(32);
        String insert = "INSERT INTO chain.blockchain_events (time, network, contract_address, event_type, block_number,"
                + " transaction_hash, log_index, event_data) VALUES (?, 'ethereum', ?, 'Transfer', 19000000, ?, ?, '{}')"
                + " ON CONFLICT DO NOTHING";

        assertThat(db.update(insert, block, USDT, tx, 3)).isEqualTo(1);
        assertThat(db.update(insert, block, USDT, tx, 3)).isZero();
        assertThat(db.update(insert, block, USDT, tx, 4)).isEqualTo(1);
        // An 88-character Solana signature fits.
        assertThat(db.update(insert, block, SOLANA_MINT, "5".repeat(88), 0)).isEqualTo(1);
        assertRejected(() -> db.update("INSERT INTO chain.token_prices (time, contract_address, network, price_usd, data_source)"
                + " VALUES (now(), ?, 'ethereum', -1, 'dex')", USDT), CHECK_VIOLATION);
        assertThat(db.update("INSERT INTO chain.token_prices (time, contract_address, network, price_usd, data_source)"
                + " VALUES (now(), ?, 'ethereum', 0.000000000001234567, 'dex')", USDT)).isEqualTo(1);
        assertThat(db.single("SELECT price_usd::text FROM chain.token_prices")).as("sub-satoshi prices keep their digits")
                .isEqualTo("0.000000000001234567");
    }

    @Test
    void chatMessagesNeedAKnownRoleAndAConversation() throws SQLException {
        UUID user = UUID.randomUUID();
        UUID conversation = UUID.fromString(db.single("INSERT INTO chat.conversations (user_id, title) VALUES (?, 'Is PEPE safe?')"
                + " RETURNING id", user));
        String insert = "INSERT INTO chat.messages (conversation_id, user_id, role, content) VALUES (?, ?, ?, 'hi')";

        assertThat(db.update(insert, conversation, user, "user")).isEqualTo(1);
        assertRejected(() -> db.update(insert, conversation, user, "wizard"), CHECK_VIOLATION);
        assertRejected(() -> db.update(insert, UUID.randomUUID(), user, "user"), "23503");
    }

    @Test
    void deliveriesAreIdempotentPerEventUserAndChannel() throws SQLException {
        UUID user = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        String insert = "INSERT INTO notify.deliveries (user_id, channel, event_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING";

        assertThat(db.update(insert, user, "email", event)).isEqualTo(1);
        assertThat(db.update(insert, user, "email", event)).as("redelivered event").isZero();
        assertThat(db.update(insert, user, "webhook", event)).isEqualTo(1);
        assertRejected(() -> db.update(insert, user, "pigeon", UUID.randomUUID()), CHECK_VIOLATION);
        assertRejected(() -> db.update("UPDATE notify.deliveries SET status = 'delivered' WHERE user_id = ? AND channel = 'email'",
                user), CHECK_VIOLATION);
        assertThat(db.update("UPDATE notify.deliveries SET status = 'delivered', delivered_at = now(), attempts = 1"
                + " WHERE user_id = ? AND channel = 'email'", user)).isEqualTo(1);
        assertRejected(() -> db.update("INSERT INTO notify.notification_preferences (user_id, channel) VALUES (?, 'sms')",
                user), CHECK_VIOLATION);
        assertThat(db.update("INSERT INTO notify.notification_preferences (user_id, channel, target) VALUES (?, 'webhook',"
                + " 'https://bot.example/hook')", user)).isEqualTo(1);
        assertRejected(() -> db.update("INSERT INTO notify.notification_preferences (user_id, channel) VALUES (?, 'webhook')",
                user), UNIQUE_VIOLATION);
    }

    private static UUID project(String address, String network) throws SQLException {
        return UUID.fromString(db.single("INSERT INTO analysis.projects (contract_address, network) VALUES (?, ?) RETURNING id",
                address, network));
    }

    private static int insertResult(UUID project, int score, String level, String confidence, int technical) throws SQLException {
        return db.update("""
                INSERT INTO analysis.analysis_results (project_id, user_id, kaizen_score, risk_level, confidence,
                    technical_score, economic_score, social_score, governance_score, full_analysis)
                VALUES (?, ?, ?, ?, ?::numeric, ?, 70, 60, 80, '{}')
                """, project, UUID.randomUUID(), score, level, confidence, technical);
    }

    private static UUID watchlist(UUID user, String name) throws SQLException {
        return UUID.fromString(db.single("INSERT INTO users.user_watchlists (user_id, name) VALUES (?, ?) RETURNING id", user, name));
    }

    private static int item(UUID watchlist, String network, String address, Integer threshold) throws SQLException {
        return db.update("INSERT INTO users.watchlist_items (watchlist_id, network, contract_address, alert_threshold)"
                + " VALUES (?, ?, ?, ?)", watchlist, network, address, threshold);
    }

    private static void assertRejected(ThrowingCallable insert, String sqlState) {
        assertThatThrownBy(insert).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(sqlState);
    }
}
