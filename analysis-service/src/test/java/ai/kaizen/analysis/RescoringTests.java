package ai.kaizen.analysis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kaizen.common.events.DataEvents;
import ai.kaizen.common.events.TokenDataUpdated;
import ai.kaizen.common.events.WatchlistEvents;
import ai.kaizen.common.events.WatchlistItemAdded;
import ai.kaizen.common.messaging.EventEnvelope;
import ai.kaizen.common.messaging.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** data-service's "data updated" re-scores a token someone watches or analysed recently, and no other. */
class RescoringTests extends ServiceTestSupport {

    @Autowired
    EventPublisher publisher;

    @Test
    void newDataReScoresARecentlyAnalysedToken() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        analyze("devnet", address, "standard", user());
        DATA.facts(address, zooFacts("honeypot_hook_v08"));

        publisher.publish(DataEvents.STREAM.key(), "devnet:" + address,
                new TokenDataUpdated("devnet", address, List.of("code", "liquidity"), 700L, Instant.now()));

        await().atMost(patience()).until(() -> outboxEvents("analysis.completed", "devnet", address).size() == 2);
        JsonNode rescored = outboxEvents("analysis.completed", "devnet", address).getLast();
        assertThat(rescored.path("trigger").asString()).isEqualTo("rescore");
        assertThat(rescored.path("userId").isNull()).isTrue();
        assertThat(rescored.path("kaizenScore").asInt()).isEqualTo(30);
        assertThat(outboxEvents("analysis.score-changed", "devnet", address)).extracting(e -> e.path("newScore").asInt())
                .containsExactly(30);
        assertThat(JobsTests.subject(DATA.calls(address).getLast().authorization())).isEqualTo(SERVICE_ACCOUNT);
        assertThat(json(get("/api/analysis/cached/" + address, null)).path("kaizenScore").asInt())
                .as("the cache holds the new score").isEqualTo(30);
    }

    @Test
    void newDataForATokenNobodyWatchesOrAnalysedIsIgnored() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));

        EventEnvelope event = publisher.publish(DataEvents.STREAM.key(), "devnet:" + address,
                new TokenDataUpdated("devnet", address, List.of("holders"), 701L, Instant.now()));

        await().atMost(patience()).until(() -> processed(event.id()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox_event WHERE stream = 'queue:scoring' "
                + "AND event_key = ?", Integer.class, "devnet:" + address)).isZero();
        assertThat(DATA.calls(address)).isEmpty();
    }

    @Test
    void aWatchedTokenIsReScoredThoughNobodyAnalysedItRecently() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        UUID watcher = UUID.randomUUID();
        EventEnvelope watch = publisher.publish(WatchlistEvents.STREAM.key(), "devnet:" + address,
                new WatchlistItemAdded(watcher, UUID.randomUUID(), "devnet", address.toLowerCase(), Instant.now()));
        await().atMost(patience()).until(() -> processed(watch.id()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM watched_tokens WHERE network = 'devnet' "
                + "AND contract_address = ?", Integer.class, address)).isEqualTo(1);

        publisher.publish(DataEvents.STREAM.key(), "devnet:" + address,
                new TokenDataUpdated("devnet", address, List.of("ownership"), 702L, Instant.now()));

        await().atMost(patience()).until(() -> outboxEvents("analysis.completed", "devnet", address).size() == 1);
        assertThat(outboxEvents("analysis.completed", "devnet", address).getFirst().path("trigger").asString())
                .isEqualTo("rescore");
    }

    private boolean processed(UUID eventId) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class,
                eventId);
        return count != null && count > 0;
    }
}
