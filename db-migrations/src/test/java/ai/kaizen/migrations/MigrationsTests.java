package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real migrations on a fresh database and checks where everything landed. */
class MigrationsTests {

    /** Table -> columns other services rely on, per owning schema. */
    private static final Map<String, Map<String, List<String>>> EXPECTED = Map.of(
            "users", Map.of(
                    "user_profiles", List.of("user_id", "username", "profile", "preferences", "created_at", "updated_at"),
                    "user_watchlists", List.of("id", "user_id", "name", "description", "is_public", "created_at", "updated_at"),
                    "watchlist_items", List.of("id", "watchlist_id", "network", "contract_address", "alert_threshold", "notes", "added_at"),
                    "user_activity", List.of("id", "user_id", "activity_type", "activity_data", "ip_address", "user_agent", "created_at"),
                    "api_usage", List.of("time", "user_id", "api_key_id", "endpoint", "method", "status_code",
                            "response_time_ms", "request_size", "response_size")),
            "analysis", Map.of(
                    "projects", List.of("id", "contract_address", "network", "token_symbol", "token_name",
                            "project_metadata", "first_seen", "last_updated", "is_active"),
                    "analysis_results", List.of("id", "project_id", "user_id", "kaizen_score", "risk_level", "confidence",
                            "technical_score", "economic_score", "social_score", "governance_score", "analysis_depth",
                            "processing_time_ms", "data_quality_score", "full_analysis", "alerts", "findings", "coverage", "created_at"),
                    "score_history", List.of("time", "network", "contract_address", "kaizen_score", "technical_score",
                            "economic_score", "social_score", "governance_score", "analysis_id"),
                    "project_stats", List.of("id", "contract_address", "network", "token_symbol", "analysis_count",
                            "avg_score", "last_analysis", "unique_analyzers")),
            "chain", Map.of(
                    "blockchain_events", List.of("time", "network", "contract_address", "event_type", "block_number",
                            "transaction_hash", "log_index", "event_data", "gas_used", "gas_price"),
                    "token_prices", List.of("time", "contract_address", "network", "price_usd", "volume_24h", "market_cap",
                            "liquidity_usd", "holder_count", "data_source")),
            "social", Map.of(
                    "social_mentions", List.of("time", "contract_address", "platform", "post_id", "author_id", "content",
                            "sentiment_score", "engagement_metrics", "is_suspicious")),
            "intel", Map.of(
                    "wallet_intelligence", List.of("wallet_address", "entity_name", "entity_type", "risk_score", "labels",
                            "intelligence_sources", "confidence", "first_seen", "last_updated")),
            "chat", Map.of(
                    "conversations", List.of("id", "user_id", "title", "created_at", "updated_at"),
                    "messages", List.of("id", "conversation_id", "user_id", "role", "content", "created_at")),
            "notify", Map.of(
                    "notification_preferences", List.of("user_id", "channel", "enabled", "target", "settings", "created_at", "updated_at"),
                    "deliveries", List.of("id", "user_id", "channel", "event_id", "status", "attempts", "last_error",
                            "payload", "next_attempt_at", "created_at", "delivered_at", "read_at")));

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
    void everySchemaHasItsOwnHistoryTableRecordingItsMigrations() throws SQLException {
        for (String schema : Migrator.SCHEMAS) {
            assertThat(db.single("SELECT to_regclass(?)::text", schema + ".flyway_schema_history"))
                    .as("history of %s", schema).isEqualTo(schema + ".flyway_schema_history");
            assertThat(db.single("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE NOT success"))
                    .as("failed migrations in %s", schema).isEqualTo("0");
        }
        for (String schema : EXPECTED.keySet()) {
            assertThat(db.column("SELECT version FROM " + schema + ".flyway_schema_history WHERE version IS NOT NULL"))
                    .as("versions applied in %s", schema).contains("1");
        }
        // Only the time-series schemas carry the shared support migration, each in its own history.
        for (String schema : Migrator.SCHEMAS) {
            boolean hasSupport = db.column("SELECT version FROM " + schema + ".flyway_schema_history WHERE version IS NOT NULL")
                    .contains("0.1");
            assertThat(hasSupport).as("time-series support in %s", schema).isEqualTo(Migrator.TIME_SERIES_SCHEMAS.contains(schema));
        }
    }

    @Test
    void authSchemaExistsWithItsOwnHistory() throws SQLException {
        assertThat(db.single("SELECT count(*) FROM pg_namespace WHERE nspname = 'auth'")).isEqualTo("1");
        assertThat(db.single("SELECT to_regclass('auth.flyway_schema_history')::text")).isEqualTo("auth.flyway_schema_history");
    }

    @Test
    void everyTableLivesInItsOwnersSchemaWithTheAgreedColumns() throws SQLException {
        for (var schema : EXPECTED.entrySet()) {
            for (var table : schema.getValue().entrySet()) {
                List<String> columns = db.column("""
                        SELECT a.attname FROM pg_attribute a
                         WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped
                        """, schema.getKey() + "." + table.getKey());
                assertThat(columns).as("%s.%s", schema.getKey(), table.getKey()).containsAll(table.getValue());
                assertThat(db.column("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relname = ? AND NOT c.relispartition", table.getKey()))
                        .as("schemas holding %s", table.getKey()).containsExactly(schema.getKey());
            }
        }
        assertThat(db.single("SELECT relkind FROM pg_class WHERE oid = 'analysis.project_stats'::regclass"))
                .as("project_stats is a materialized view").isEqualTo("m");
    }

    @Test
    void noForeignKeyCrossesASchemaBoundary() throws SQLException {
        assertThat(db.column("""
                SELECT conname FROM pg_constraint c
                  JOIN pg_class src ON src.oid = c.conrelid
                  JOIN pg_class dst ON dst.oid = c.confrelid
                 WHERE c.contype = 'f' AND src.relnamespace <> dst.relnamespace
                """)).isEmpty();
        // The in-schema ones that exist on purpose.
        assertThat(db.column("SELECT conrelid::regclass || '->' || confrelid::regclass FROM pg_constraint WHERE contype = 'f'"
                + " AND connamespace IN ('users'::regnamespace, 'analysis'::regnamespace, 'chat'::regnamespace) ORDER BY 1"))
                .contains("analysis.analysis_results->analysis.projects",
                        "chat.messages->chat.conversations",
                        "users.watchlist_items->users.user_watchlists");
    }

    @Test
    void theSeedsIndexesExist() throws SQLException {
        List<String> indexes = db.column("SELECT schemaname || '.' || indexname FROM pg_indexes");
        assertThat(indexes).contains(
                "users.idx_watchlists_user", "users.idx_watchlist_items_token", "users.idx_activity_user",
                "users.idx_activity_type", "users.idx_api_usage_user", "users.idx_api_usage_endpoint",
                "users.idx_api_usage_api_key",
                "analysis.idx_projects_symbol", "analysis.idx_projects_network", "analysis.idx_analysis_project",
                "analysis.idx_analysis_user", "analysis.idx_analysis_score", "analysis.idx_analysis_created",
                "analysis.idx_analysis_risk_level", "analysis.idx_score_history_token",
                "analysis.idx_project_stats_id", "analysis.idx_project_stats_score",
                "chain.idx_blockchain_events_contract", "chain.idx_blockchain_events_type",
                "chain.idx_blockchain_events_network", "chain.uq_blockchain_events_log",
                "chain.idx_token_prices_contract", "chain.idx_token_prices_network",
                "social.idx_social_contract", "social.idx_social_platform", "social.idx_social_sentiment",
                "intel.idx_wallet_intel_type", "intel.idx_wallet_intel_risk", "intel.idx_wallet_intel_labels",
                "chat.idx_conversations_user", "chat.idx_messages_conversation",
                "notify.idx_deliveries_user", "notify.idx_deliveries_due");
        assertThat(db.single("SELECT am.amname FROM pg_class c JOIN pg_am am ON am.oid = c.relam"
                + " WHERE c.oid = 'intel.idx_wallet_intel_labels'::regclass")).isEqualTo("gin");
        // Partitioned indexes reach every partition, including the default one.
        assertThat(db.column("SELECT indexdef FROM pg_indexes WHERE schemaname = 'chain' AND tablename = 'token_prices_default'"))
                .hasSize(2);
    }

    @Test
    void migratingAgainIsANoOp() throws SQLException {
        String historyBefore = history();
        String partitionsBefore = partitions();

        List<Migrator.SchemaResult> again = Migrator.migrateAll(db.target);

        assertThat(again).extracting(Migrator.SchemaResult::schema).containsExactlyElementsOf(Migrator.SCHEMAS);
        assertThat(again).allSatisfy(r -> assertThat(r.migrationsExecuted()).as(r.schema()).isZero());
        assertThat(history()).isEqualTo(historyBefore);
        assertThat(partitions()).isEqualTo(partitionsBefore);
    }

    private static String history() throws SQLException {
        StringBuilder all = new StringBuilder();
        for (String schema : Migrator.SCHEMAS) {
            all.append(db.column("SELECT installed_rank || ':' || coalesce(version, '-') || ':' || coalesce(checksum::text, '-')"
                    + " FROM " + schema + ".flyway_schema_history ORDER BY installed_rank"));
        }
        return all.toString();
    }

    private static String partitions() throws SQLException {
        return db.column("SELECT inhrelid::regclass::text FROM pg_inherits ORDER BY 1").toString();
    }
}
