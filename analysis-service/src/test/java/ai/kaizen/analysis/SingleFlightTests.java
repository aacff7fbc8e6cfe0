package ai.kaizen.analysis;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent requests for the same token share one computation: one facts call, one stored analysis. */
class SingleFlightTests extends ServiceTestSupport {

    @Test
    void concurrentRequestsForOneTokenShareOneComputation() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        DATA.holdAnswers();
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                responses.add(clients.submit(() -> analyze("devnet", address, "standard", user())));
            }
            assertThat(DATA.awaitReceived()).isTrue();
            // Let the other seven requests arrive while the first computation waits for its facts.
            Thread.sleep(1500);
            DATA.release();
            List<String> ids = new ArrayList<>();
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).isEqualTo(200);
                assertThat(answer.headers().firstValue("X-Kaizen-Cache")).as("shared, not from the cache").hasValue("miss");
                ids.add(json(answer).path("analysisId").asString());
            }
            assertThat(ids).hasSize(8).containsOnly(ids.getFirst());
        } finally {
            DATA.release();
        }
        assertThat(DATA.calls(address)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM analysis_results r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.contract_address = ?", Integer.class, address)).isEqualTo(1);
    }
}
