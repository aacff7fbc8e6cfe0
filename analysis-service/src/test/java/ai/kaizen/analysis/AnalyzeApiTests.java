package ai.kaizen.analysis;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/analysis/analyze at each depth, against a fake data-service speaking its real JSON. */
class AnalyzeApiTests extends ServiceTestSupport {

    @Test
    void aStandardAnalysisAnswersEveryFieldOfTheSeedAndBeyond() throws Exception {
        String address = freshAddress();
        String deployer = freshAddress();
        ObjectNode facts = zooFacts("clean_renounced_burned");
        facts.putObject("creator").put("address", deployer);
        DATA.facts(address, facts);
        String user = user();

        HttpResponse<String> response = analyze("devnet", address.toLowerCase(), null, user);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Kaizen-Cache")).hasValue("miss");
        JsonNode body = json(response);
        assertThat(body.path("contractAddress").asString()).isEqualTo(address);
        assertThat(body.path("network").asString()).isEqualTo("devnet");
        assertThat(body.path("depth").asString()).isEqualTo("standard");
        assertThat(body.path("kaizenScore").asInt()).isEqualTo(93);
        assertThat(body.path("riskLevel").asString()).isEqualTo("Low Risk");
        assertThat(body.path("confidence").asDouble()).isBetween(0.0, 1.0);
        assertThat(names(body.path("breakdown"))).containsExactlyInAnyOrder("technical", "economic", "social",
                "governance");
        assertThat(body.path("alerts").isArray()).isTrue();
        assertThat(names(body.path("metadata"))).contains("analyzedAt", "processingTime", "dataQuality");
        assertThat(body.path("token").path("symbol").asString()).isEqualTo("KZC");
        assertThat(body.path("token").path("decimals").asInt()).isEqualTo(18);
        assertThat(names(body.path("liquidity"))).contains("locked", "lockDuration", "totalUSD", "burnedPercent",
                "lockedPercent", "pairs");
        assertThat(body.path("liquidity").path("burnedPercent").asDouble()).isEqualTo(100.0);
        assertThat(names(body.path("distribution"))).contains("holderCount", "top10Percentage", "topHolders");
        assertThat(body.path("distribution").path("holderCount").asInt()).isEqualTo(11);
        JsonNode social = body.path("social");
        assertThat(social.path("collected").asBoolean()).isFalse();
        assertThat(social.has("sentiment") && social.path("sentiment").isNull()).isTrue();
        assertThat(social.has("mentions24h") && social.path("mentions24h").isNull()).isTrue();
        assertThat(social.has("manipulationRisk") && social.path("manipulationRisk").isNull()).isTrue();
        assertThat(body.path("findings").values()).extracting(f -> f.path("code").asString())
                .contains("KZ-EVM-OWNER-RENOUNCED", "KZ-LIQ-LP-BURNED");
        assertThat(body.path("coverage").values()).extracting(c -> c.path("check").asString())
                .contains("evm.sell-simulation", "evm.privilege-probe", "evm.liquidity", "evm.holders")
                .doesNotContain("intel.deployer", "social.mentions");
        assertThat(body.path("status").asString()).isEqualTo("complete");
        assertThat(body.path("analysisId").asString()).isNotBlank();

        List<FakeDataService.Call> calls = DATA.calls(address);
        assertThat(calls).hasSize(1);
        assertThat(calls.getFirst().depth()).isEqualTo("standard");
        assertThat(JobsTests.subject(calls.getFirst().authorization())).as("the user's own token is forwarded")
                .isEqualTo(user);
        assertThat(INTEL.requestsAbout(deployer) + SOCIAL.requestsAbout(address)).as("standard depth stays on chain")
                .isZero();
    }

    @Test
    void aQuickAnalysisAsksForQuickFactsAndSaysWhatItSkipped() throws Exception {
        String address = freshAddress();
        ObjectNode facts = zooFacts("clean_renounced_burned");
        quickCoverage(facts);
        DATA.facts(address, facts);

        JsonNode body = json(analyze("devnet", address, "quick", user()));

        assertThat(DATA.calls(address)).extracting(FakeDataService.Call::depth).containsExactly("quick");
        assertThat(body.path("depth").asString()).isEqualTo("quick");
        JsonNode simulation = check(body, "evm.sell-simulation");
        assertThat(simulation.path("status").asString()).isEqualTo("skipped");
        assertThat(simulation.path("reason").asString()).isEqualTo("not part of quick depth");
        assertThat(body.path("kaizenScore").asInt()).as("unknown is never safe").isLessThan(93);
        assertThat(body.path("confidence").asDouble()).isLessThan(0.85);
    }

    @Test
    void aComprehensiveAnalysisAnswersFirstWithIntelAndSocialAndSaysWhatIsStillRunning() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        INTEL.up("{\"labels\":[],\"sanctioned\":false}");
        SOCIAL.up("{\"collected\":true,\"sentiment\":0.7,\"mentions24h\":42,\"manipulationRisk\":0.1}");

        HttpResponse<String> response = analyze("devnet", address, "comprehensive", user());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asString()).isEqualTo("partial");
        assertThat(body.path("pending").values()).extracting(JsonNode::asString).containsExactly("evm.comprehensive");
        assertThat(body.path("jobId").asString()).isNotBlank();
        assertThat(body.path("analysisId").isNull()).isTrue();
        assertThat(check(body, "intel.deployer").path("status").asString()).isEqualTo("ran");
        assertThat(check(body, "social.mentions").path("status").asString()).isEqualTo("ran");
        assertThat(body.path("social").path("collected").asBoolean()).isTrue();
        assertThat(body.path("social").path("mentions24h").asInt()).isEqualTo(42);
        assertThat(body.path("social").path("sentiment").asDouble()).isEqualTo(0.7);
        assertThat(DATA.calls(address).getFirst().depth()).isEqualTo("standard");
    }

    @Test
    void aHoneypotIsVeryHighRiskWithTheFailedSellAsEvidence() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("honeypot_hook_v08"));

        JsonNode body = json(analyze("devnet", address, "standard", user()));

        assertThat(body.path("riskLevel").asString()).isEqualTo("Very High Risk");
        assertThat(body.path("kaizenScore").asInt()).isLessThanOrEqualTo(30);
        JsonNode honeypot = finding(body, "KZ-EVM-HONEYPOT");
        assertThat(honeypot.path("signal").asString()).isEqualTo("honeypot");
        assertThat(honeypot.path("kind").asString()).isEqualTo("evidence");
        assertThat(honeypot.path("evidence").values()).extracting(e -> e.path("type").asString())
                .contains("simulated_call");
        assertThat(body.path("caps").values()).extracting(c -> c.path("code").asString()).contains("KZ-EVM-HONEYPOT");
    }

    @Test
    void theTrustedUsdtLikeTokenIsNotCalledAScamAndItsCapabilitiesAreListed() throws Exception {
        String address = zooAddress("trusted_usdt_like_v05");
        DATA.facts(address, zooFacts("trusted_usdt_like_v05"));

        JsonNode body = json(analyze("devnet", address, "standard", user()));

        assertThat(body.path("riskLevel").asString()).isEqualTo("Low Risk");
        assertThat(body.path("trustedAs").asString()).isEqualTo("Devnet Tether USD (USDT)");
        for (String code : List.of("KZ-EVM-BLACKLIST", "KZ-EVM-PAUSABLE", "KZ-EVM-MINT", "KZ-EVM-TAX-MODIFIABLE",
                "KZ-EVM-UPGRADEABLE-PROXY")) {
            JsonNode finding = finding(body, code);
            assertThat(finding.path("kind").asString()).as(code).isEqualTo("capability");
        }
        assertThat(body.path("findings").values()).filteredOn(f -> f.path("impact").asInt() > 0)
                .allSatisfy(f -> assertThat(f.path("softenedBy").asString()).isEqualTo("Devnet Tether USD (USDT)"));
    }

    @Test
    void aContractThatIsNotATokenGetsAnAnswerSayingSo() throws Exception {
        String address = freshAddress();
        ObjectNode facts = zooFacts("clean_renounced_burned");
        ObjectNode token = facts.putObject("token");
        token.put("isToken", false);
        token.put("notTokenReason", "totalSupply() reverted");
        facts.putArray("signals");
        DATA.facts(address, facts);

        HttpResponse<String> response = analyze("devnet", address, null, user());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("token").path("isToken").asBoolean()).isFalse();
        assertThat(finding(body, "KZ-NOT-A-TOKEN").path("message").asString()).contains("totalSupply() reverted");
    }

    @Test
    void anAddressWithoutCodeIsA422WithDataServicesReason() throws Exception {
        String address = freshAddress();
        DATA.problem(address, 422, "No contract code", "there is no contract at " + address + " on devnet");

        HttpResponse<String> response = analyze("devnet", address, null, user());

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("title").asString()).isEqualTo("No contract code");
        assertThat(problem.path("detail").asString()).contains("there is no contract at " + address);
    }

    static void quickCoverage(ObjectNode facts) {
        facts.remove(List.of("signals", "liquidity", "holders"));
        var coverage = facts.putArray("coverage");
        for (String check : List.of("code", "metadata", "bytecode", "proxy", "ownership", "creator")) {
            coverage.addObject().put("check", check).put("status", "ran");
        }
        for (String check : List.of("simulation", "privileges", "liquidity", "holders")) {
            coverage.addObject().put("check", check).put("status", "skipped").put("reason", "not part of quick depth");
        }
    }

    static JsonNode check(JsonNode body, String id) {
        return body.path("coverage").values().stream().filter(c -> c.path("check").asString().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + body.path("coverage")));
    }

    static JsonNode finding(JsonNode body, String code) {
        return body.path("findings").values().stream().filter(f -> f.path("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + code + " in " + body.path("findings")));
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }
}
