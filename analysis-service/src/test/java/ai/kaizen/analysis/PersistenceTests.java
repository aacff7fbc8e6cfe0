package ai.kaizen.analysis;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ai.kaizen.analysis.store.ProjectStatsRefresher;
import ai.kaizen.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every analysis stored with its findings, the project upserted, the score series appended and served in order. */
class PersistenceTests extends ServiceTestSupport {

    @Autowired
    ProjectStatsRefresher stats;

    @Test
    void everyAnalysisIsStoredWithItsFindingsAndAppendedToTheScoreSeries() throws Exception {
        String address = freshAddress();
        String user = user();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        JsonNode first = json(analyze("devnet", address, "standard", user));
        CLOCK.advance(Duration.ofMinutes(16));
        DATA.facts(address, zooFacts("honeypot_hook_v08"));
        JsonNode second = json(analyze("devnet", address, "standard", user));

        assertThat(jdbc.queryForList("SELECT token_symbol FROM projects WHERE contract_address = ? AND network = 'devnet'",
                String.class, address)).as("one project, upserted").containsExactly("PGOLD");
        Map<String, Object> row = jdbc.queryForMap("SELECT user_id, kaizen_score, risk_level, analysis_depth, "
                + "technical_score, jsonb_array_length(findings) AS findings, jsonb_array_length(coverage) AS checks, "
                + "full_analysis->>'contractAddress' AS address, processing_time_ms, data_quality_score "
                + "FROM analysis_results WHERE id = ?", UUID.fromString(first.path("analysisId").asString()));
        assertThat(row.get("user_id")).isEqualTo(UUID.fromString(user));
        assertThat(row.get("kaizen_score")).isEqualTo(93);
        assertThat(row.get("risk_level")).isEqualTo("Low Risk");
        assertThat(row.get("analysis_depth")).isEqualTo("standard");
        assertThat(row.get("findings")).isEqualTo(first.path("findings").size());
        assertThat(row.get("checks")).isEqualTo(first.path("coverage").size());
        assertThat(row.get("address")).isEqualTo(address);
        String storedFinding = jdbc.queryForObject("SELECT findings->0->>'code' FROM analysis_results WHERE id = ?",
                String.class, UUID.fromString(second.path("analysisId").asString()));
        assertThat(storedFinding).isEqualTo("KZ-EVM-HONEYPOT");

        List<Integer> series = jdbc.queryForList("SELECT kaizen_score FROM score_history WHERE network = 'devnet' "
                + "AND contract_address = ? ORDER BY time", Integer.class, address);
        assertThat(series).containsExactly(93, 30);

        JsonNode history = json(get("/api/analysis/devnet/" + address.toLowerCase() + "/history", user()));
        assertThat(history.path("contractAddress").asString()).isEqualTo(address);
        assertThat(history.path("points").values()).extracting(p -> p.path("kaizenScore").asInt())
                .containsExactly(93, 30);
        assertThat(history.path("points").values()).extracting(p -> p.path("riskLevel").asString())
                .containsExactly("Low Risk", "Very High Risk");
        assertThat(history.path("points").values()).extracting(p -> p.path("analysisId").asString())
                .containsExactly(first.path("analysisId").asString(), second.path("analysisId").asString());
        JsonNode limited = json(get("/api/analysis/devnet/" + address + "/history?limit=1", user()));
        assertThat(limited.path("points").values()).extracting(p -> p.path("kaizenScore").asInt())
                .as("the latest point").containsExactly(30);
    }

    @Test
    void projectStatsAreRefreshedInTheBackgroundAndServedWithTheHistory() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        analyze("devnet", address, "standard", user());
        CLOCK.advance(Duration.ofMinutes(16));
        analyze("devnet", address, "standard", user());

        assertThat(stats.refreshNow()).isTrue();

        JsonNode history = json(get("/api/analysis/devnet/" + address + "/history", user()));
        assertThat(history.path("stats").path("analysisCount").asInt()).isEqualTo(2);
        assertThat(history.path("stats").path("uniqueAnalyzers").asInt()).isEqualTo(2);
        assertThat(history.path("stats").path("averageScore").asDouble()).isEqualTo(93.0);
    }

    @Test
    void aRefreshInProgressDoesNotBlockReaders() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        analyze("devnet", address, "standard", user());
        String url = TestDatabase.URL + "?currentSchema=analysis";
        try (Connection refreshing = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD);
             Connection reading = DriverManager.getConnection(url, TestDatabase.USER, TestDatabase.PASSWORD)) {
            refreshing.setAutoCommit(false);
            try (Statement statement = refreshing.createStatement()) {
                statement.execute("SELECT analysis.refresh_project_stats()");
            }
            // The refresh holds its lock until commit; a reader that had to wait would hit the lock timeout.
            try (Statement statement = reading.createStatement()) {
                statement.execute("SET lock_timeout = '3s'");
                try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM analysis.project_stats")) {
                    assertThat(rs.next()).isTrue();
                }
            }
            assertThat(get("/api/analysis/devnet/" + address + "/history", user()).statusCode()).isEqualTo(200);
            refreshing.rollback();
        }
    }
}
