package ai.kaizen.analysis;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch and comprehensive jobs on the analysis queue: queued with ids, run under the service's own credential, visible
 * to their owner only, and announced with analysis_update.
 */
class JobsTests extends ServiceTestSupport {

    @Test
    void aBatchQueuesOneJobPerContractWhoseResultOnlyItsOwnerSees() throws Exception {
        String first = freshAddress();
        String second = freshAddress();
        DATA.facts(first, zooFacts("clean_renounced_burned"));
        DATA.facts(second, zooFacts("sell_tax_fixed_v06"));
        String owner = user();

        HttpResponse<String> accepted = post("/api/analysis/batch", """
                {"contracts":[{"contractAddress":"%s","network":"devnet"},
                              {"contractAddress":"%s","network":"devnet","depth":"quick"}]}"""
                .formatted(first.toLowerCase(), second), owner);

        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode body = json(accepted);
        assertThat(body.path("message").asString()).isEqualTo("Batch analysis queued");
        assertThat(body.path("batchId").asString()).isNotBlank();
        List<JsonNode> results = List.copyOf(body.path("results").values());
        assertThat(results).extracting(r -> r.path("contractAddress").asString()).containsExactly(first, second);
        assertThat(results).extracting(r -> r.path("status").asString()).containsOnly("queued");
        assertThat(results).extracting(r -> r.path("depth").asString()).containsExactly("standard", "quick");
        String jobId = results.getFirst().path("jobId").asString();

        JsonNode job = awaitJob(jobId, owner, "completed");
        assertThat(job.path("kind").asString()).isEqualTo("batch");
        assertThat(job.path("result").path("contractAddress").asString()).isEqualTo(first);
        assertThat(job.path("result").path("kaizenScore").asInt()).isEqualTo(93);
        assertThat(job.path("analysisId").asString()).isEqualTo(job.path("result").path("analysisId").asString());
        assertThat(awaitJob(results.get(1).path("jobId").asString(), owner, "completed").path("result")
                .path("depth").asString()).isEqualTo("quick");

        HttpResponse<String> someoneElse = get("/api/analysis/jobs/" + jobId, user());
        assertThat(someoneElse.statusCode()).isEqualTo(404);
        assertThat(json(someoneElse).path("title").asString()).isEqualTo("Job not found");

        assertThat(DATA.calls(first)).extracting(c -> subject(c.authorization()))
                .as("background jobs call data-service as analysis-service's own account").containsOnly(SERVICE_ACCOUNT);
        List<JsonNode> updates = outboxEvents("analysis.update", "devnet", first);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().path("jobId").asString()).isEqualTo(jobId);
        assertThat(updates.getFirst().path("userId").asString()).isEqualTo(owner);
        assertThat(updates.getFirst().path("status").asString()).isEqualTo("completed");
        assertThat(updates.getFirst().path("kaizenScore").asInt()).isEqualTo(93);
        assertThat(outboxEvents("analysis.completed", "devnet", first)).extracting(e -> e.path("trigger").asString())
                .containsExactly("batch");
    }

    @Test
    void aJobForAnAddressWithoutCodeFailsAndSaysWhy() throws Exception {
        String address = freshAddress();
        DATA.problem(address, 422, "No contract code", "nothing deployed at " + address);
        String owner = user();

        JsonNode accepted = json(post("/api/analysis/batch", "{\"contracts\":[{\"contractAddress\":\"" + address
                + "\",\"network\":\"devnet\"}]}", owner));
        JsonNode job = awaitJob(accepted.path("results").path(0).path("jobId").asString(), owner, "failed");

        assertThat(job.path("error").asString()).contains("No contract code").contains("nothing deployed at");
        assertThat(job.path("attempts").asInt()).as("a refused request is not retried").isEqualTo(1);
        assertThat(outboxEvents("analysis.update", "devnet", address)).extracting(e -> e.path("status").asString())
                .containsExactly("failed");
    }

    @Test
    void aJobRetriesAnOutageThenFailsSayingSo() throws Exception {
        String address = freshAddress();
        DATA.problem(address, 503, "Service Unavailable", "restarting");
        String owner = user();

        JsonNode accepted = json(post("/api/analysis/batch", "{\"contracts\":[{\"contractAddress\":\"" + address
                + "\",\"network\":\"devnet\"}]}", owner));
        JsonNode job = awaitJob(accepted.path("results").path(0).path("jobId").asString(), owner, "failed");

        assertThat(job.path("attempts").asInt()).isEqualTo(3);
        assertThat(job.path("error").asString()).contains("Token facts unavailable");
    }

    @Test
    void comprehensiveFinishesInTheBackgroundAndPublishesAnalysisUpdate() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        INTEL.up("{\"labels\":[{\"label\":\"Deployer of KZC\",\"category\":\"deployer\"}],\"sanctioned\":false}");
        SOCIAL.up("{\"collected\":true,\"sentiment\":0.8,\"mentions24h\":5,\"manipulationRisk\":0.05}");
        String owner = user();

        JsonNode first = json(analyze("devnet", address, "comprehensive", owner));
        String jobId = first.path("jobId").asString();
        JsonNode job = awaitJob(jobId, owner, "completed");

        assertThat(job.path("kind").asString()).isEqualTo("comprehensive");
        JsonNode result = job.path("result");
        assertThat(result.path("status").asString()).isEqualTo("complete");
        assertThat(result.path("depth").asString()).isEqualTo("comprehensive");
        assertThat(result.path("pending").isEmpty()).isTrue();
        assertThat(result.path("jobId").asString()).isEqualTo(jobId);
        assertThat(result.path("social").path("collected").asBoolean()).isTrue();
        assertThat(DATA.calls(address)).extracting(FakeDataService.Call::depth).contains("standard", "comprehensive");
        assertThat(DATA.calls(address).stream().filter(c -> c.depth().equals("comprehensive")))
                .extracting(c -> subject(c.authorization())).containsOnly(SERVICE_ACCOUNT);
        List<JsonNode> updates = outboxEvents("analysis.update", "devnet", address);
        assertThat(updates).extracting(u -> u.path("jobId").asString()).containsExactly(jobId);
        assertThat(updates.getFirst().path("analysisId").asString()).isEqualTo(result.path("analysisId").asString());
        assertThat(outboxEvents("analysis.completed", "devnet", address)).extracting(e -> e.path("trigger").asString())
                .as("only the complete result is an analysis").containsExactly("comprehensive");

        HttpResponse<String> cached = get("/api/analysis/cached/" + address, null);
        assertThat(json(cached).path("depth").asString()).as("the final result is cached").isEqualTo("comprehensive");
    }

    private JsonNode awaitJob(String jobId, String owner, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(patience()).pollInterval(java.time.Duration.ofMillis(200)).until(() -> {
            HttpResponse<String> response = get("/api/analysis/jobs/" + jobId, owner);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            last[0] = json(response);
            return status.equals(last[0].path("status").asString());
        });
        return last[0];
    }

    static String subject(String authorization) {
        String jwt = authorization.substring("Bearer ".length());
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return json(payload).path("sub").asString();
    }

    private static JsonNode json(String text) {
        return ai.kaizen.analysis.facts.DevnetZoo.JSON.readTree(text);
    }
}
