package ai.kaizen.analysis;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** intel- and social-service down or missing: still 200, with lower confidence and coverage that says why. */
class DegradedTests extends ServiceTestSupport {

    @Test
    void intelAndSocialDownLowerConfidenceAndTheAnswerSaysSo() throws Exception {
        INTEL.up("{\"labels\":[],\"sanctioned\":false}");
        SOCIAL.up("{\"collected\":true,\"sentiment\":0.6,\"mentions24h\":12,\"manipulationRisk\":0.1}");
        String healthy = freshAddress();
        DATA.facts(healthy, zooFacts("clean_renounced_burned"));
        JsonNode withThem = json(analyze("devnet", healthy, "comprehensive", user()));

        INTEL.down();
        SOCIAL.down();
        String degraded = freshAddress();
        DATA.facts(degraded, zooFacts("clean_renounced_burned"));
        var response = analyze("devnet", degraded, "comprehensive", user());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode without = json(response);
        assertThat(without.path("confidence").asDouble()).isLessThan(withThem.path("confidence").asDouble());
        assertThat(without.path("metadata").path("dataQuality").asDouble())
                .isLessThan(withThem.path("metadata").path("dataQuality").asDouble());
        JsonNode intel = AnalyzeApiTests.check(without, "intel.deployer");
        assertThat(intel.path("status").asString()).isEqualTo("failed");
        assertThat(intel.path("reason").asString()).contains("intel-service unavailable").contains("HTTP 503");
        JsonNode social = AnalyzeApiTests.check(without, "social.mentions");
        assertThat(social.path("status").asString()).isEqualTo("failed");
        assertThat(social.path("reason").asString()).contains("social-service unavailable");
        assertThat(without.path("social").path("collected").asBoolean()).isFalse();
        assertThat(without.path("social").path("sentiment").isNull()).isTrue();
        assertThat(without.path("alerts").values()).extracting(a -> a.path("message").asString())
                .anyMatch(m -> m.startsWith("Not checked: intel.deployer failed"));
        assertThat(without.path("kaizenScore").asInt()).as("unknown is never safe")
                .isLessThanOrEqualTo(withThem.path("kaizenScore").asInt());
    }

    @Test
    void servicesWithoutTheirApiYetCountAsUnavailable() throws Exception {
        INTEL.absent();
        SOCIAL.absent();
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));

        JsonNode body = json(analyze("devnet", address, "comprehensive", user()));

        assertThat(AnalyzeApiTests.check(body, "intel.deployer").path("reason").asString())
                .isEqualTo("intel-service unavailable: it has no such endpoint (HTTP 404)");
        assertThat(AnalyzeApiTests.check(body, "social.mentions").path("status").asString()).isEqualTo("failed");
    }

    @Test
    void socialWithNothingCollectedIsSkippedAndNothingIsInvented() throws Exception {
        INTEL.up("{\"labels\":[]}");
        SOCIAL.up("{\"collected\":false,\"reason\":\"no X or Telegram credentials configured\"}");
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));

        JsonNode body = json(analyze("devnet", address, "comprehensive", user()));

        JsonNode social = AnalyzeApiTests.check(body, "social.mentions");
        assertThat(social.path("status").asString()).isEqualTo("skipped");
        assertThat(social.path("reason").asString()).isEqualTo("no X or Telegram credentials configured");
        assertThat(body.path("social").path("collected").asBoolean()).isFalse();
        assertThat(body.path("social").path("mentions24h").isNull()).isTrue();
    }

    @Test
    void aSanctionedDeployerCapsTheScore() throws Exception {
        INTEL.up("{\"labels\":[{\"label\":\"OFAC SDN\",\"category\":\"sanctions\",\"source\":\"ofac\"}]}");
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));

        JsonNode body = json(analyze("devnet", address, "comprehensive", user()));

        assertThat(body.path("riskLevel").asString()).isEqualTo("Very High Risk");
        JsonNode finding = AnalyzeApiTests.finding(body, "KZ-DEPLOYER-SANCTIONED");
        assertThat(finding.path("source").asString()).isEqualTo("intel-service");
    }
}
