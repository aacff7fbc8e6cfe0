package ai.kaizen.analysis;

import java.time.Duration;
import java.util.List;

import ai.kaizen.common.events.AnalysisEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Outbox events: analysis completed for every analysis, score changed only for a move of more than 10 points. */
class EventsTests extends ServiceTestSupport {

    @Autowired
    StringRedisTemplate redis;

    @Test
    void everyAnalysisPublishesCompletedAndOnlyABigMovePublishesScoreChanged() throws Exception {
        String address = freshAddress();
        String user = user();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        JsonNode clean = json(analyze("devnet", address, "standard", user));
        CLOCK.advance(Duration.ofMinutes(16));
        DATA.facts(address, zooFacts("lp_locked_v08"));
        JsonNode harbor = json(analyze("devnet", address, "standard", user));
        CLOCK.advance(Duration.ofMinutes(16));
        DATA.facts(address, zooFacts("honeypot_hook_v08"));
        JsonNode honeypot = json(analyze("devnet", address, "standard", user));
        assertThat(List.of(clean, harbor, honeypot)).extracting(b -> b.path("kaizenScore").asInt())
                .containsExactly(93, 88, 30);

        List<JsonNode> completed = outboxEvents("analysis.completed", "devnet", address);
        assertThat(completed).extracting(e -> e.path("kaizenScore").asInt()).containsExactly(93, 88, 30);
        JsonNode last = completed.getLast();
        assertThat(last.path("analysisId").asString()).isEqualTo(honeypot.path("analysisId").asString());
        assertThat(last.path("previousScore").asInt()).isEqualTo(88);
        assertThat(last.path("trigger").asString()).isEqualTo("request");
        assertThat(last.path("userId").asString()).isEqualTo(user);
        assertThat(last.path("riskLevel").asString()).isEqualTo("Very High Risk");
        assertThat(last.path("breakdown").path("technical").asInt()).isZero();
        assertThat(completed.getFirst().path("previousScore").isNull()).isTrue();

        List<JsonNode> changed = outboxEvents("analysis.score-changed", "devnet", address);
        assertThat(changed).as("93 → 88 moves 5 points: no event; 88 → 30 moves 58").hasSize(1);
        JsonNode change = changed.getFirst();
        assertThat(change.path("oldScore").asInt()).isEqualTo(88);
        assertThat(change.path("newScore").asInt()).isEqualTo(30);
        assertThat(change.path("delta").asInt()).isEqualTo(-58);
        assertThat(change.path("oldRiskLevel").asString()).isEqualTo("Low Risk");
        assertThat(change.path("newRiskLevel").asString()).isEqualTo("Very High Risk");
        assertThat(change.path("previousAnalysisId").asString()).isEqualTo(harbor.path("analysisId").asString());

        // The relay publishes them to events:analysis.
        await().atMost(patience()).until(() -> streamTypes(address).containsAll(
                List.of("analysis.completed", "analysis.score-changed")));
        assertThat(streamTypes(address).stream().filter("analysis.completed"::equals)).hasSize(3);
    }

    private List<String> streamTypes(String address) {
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(AnalysisEvents.STREAM.key(),
                Range.unbounded());
        return records == null ? List.of() : records.stream()
                .filter(r -> ("devnet:" + address).equals(r.getValue().get("key")))
                .map(r -> String.valueOf(r.getValue().get("type"))).toList();
    }
}
