package ai.kaizen.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** analysis.project_stats refreshes concurrently and reflects stored analyses. */
class ProjectStatsTests {

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
    void refreshReflectsInsertedAnalysesAndSkipsInactiveProjects() throws SQLException {
        UUID usdt = project("0xdAC17F958D2ee523a2206206994597C13D831ec7", "ethereum", "USDT", true);
        UUID delisted = project("0x0000000000000000000000000000000000000bad", "ethereum", "BAD", false);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        analysis(usdt, alice, 90);
        analysis(usdt, alice, 80);
        analysis(usdt, bob, 70);
        analysis(delisted, bob, 5);

        assertThat(db.single("SELECT count(*) FROM analysis.project_stats")).as("not refreshed yet").isEqualTo("0");

        db.update("REFRESH MATERIALIZED VIEW CONCURRENTLY analysis.project_stats");

        assertThat(stats(usdt)).isEqualTo("USDT 3 80.00 2");
        assertThat(db.single("SELECT count(*) FROM analysis.project_stats WHERE id = ?", delisted)).isEqualTo("0");

        UUID fresh = project("EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "solana", "USDC", true);
        analysis(usdt, UUID.randomUUID(), 100);

        db.single("SELECT analysis.refresh_project_stats()");

        assertThat(stats(usdt)).isEqualTo("USDT 4 85.00 3");
        assertThat(stats(fresh)).as("a project without analyses").isEqualTo("USDC 0 - 0");
        assertThat(db.single("SELECT last_analysis = (SELECT max(created_at) FROM analysis.analysis_results WHERE project_id = ?)"
                + " FROM analysis.project_stats WHERE id = ?", usdt, usdt)).isEqualTo("t");
    }

    private static String stats(UUID project) throws SQLException {
        return db.single("SELECT token_symbol || ' ' || analysis_count || ' ' || coalesce(round(avg_score, 2)::text, '-')"
                + " || ' ' || unique_analyzers FROM analysis.project_stats WHERE id = ?", project);
    }

    private static UUID project(String address, String network, String symbol, boolean active) throws SQLException {
        return UUID.fromString(db.single("INSERT INTO analysis.projects (contract_address, network, token_symbol, is_active)"
                + " VALUES (?, ?, ?, ?) RETURNING id", address, network, symbol, active));
    }

    private static void analysis(UUID project, UUID user, int score) throws SQLException {
        db.update("""
                INSERT INTO analysis.analysis_results (project_id, user_id, kaizen_score, risk_level, confidence,
                    technical_score, economic_score, social_score, governance_score, full_analysis, findings, coverage)
                VALUES (?, ?, ?, 'Low Risk', 0.9, 80, 80, 80, 80, '{}', '[{"code": "KZ-EVM-BLACKLIST"}]', '{"ran": ["bytecode"]}')
                """, project, user, score);
    }
}
