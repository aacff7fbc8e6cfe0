package ai.kaizen.analysis;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §2 bad input: each case is a ProblemDetail that says what is wrong, and nothing reaches data-service. */
class BadInputTests extends ServiceTestSupport {

    @Test
    void aMalformedAddressIs400() throws Exception {
        assertProblem(analyze("devnet", "0x1234", null, user()), 400, "Malformed address", "not an EVM address");
        assertProblem(analyze("devnet", "0xZZ2aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2", null, user()), 400,
                "Malformed address", "");
        assertProblem(analyze("solana", "not-base58-0OIl", null, user()), 400, "Malformed address",
                "not a Solana address");
    }

    @Test
    void anEip55ChecksumMismatchIs400() throws Exception {
        String address = freshAddress();
        String broken = flipCase(address);

        assertProblem(analyze("devnet", broken, null, user()), 400, "EIP-55 checksum mismatch", "");
        assertThat(DATA.calls(broken)).isEmpty();
    }

    @Test
    void anUnknownNetworkIs400AndNamesTheKnownOnes() throws Exception {
        assertProblem(analyze("narnia", freshAddress(), null, user()), 400, "Unknown network", "devnet");
    }

    @Test
    void anUnknownDepthIs400() throws Exception {
        assertProblem(analyze("devnet", freshAddress(), "deep", user()), 400, "Invalid depth",
                "depth must be quick, standard or comprehensive, not 'deep'");
    }

    @Test
    void missingOrMistypedFieldsAre400() throws Exception {
        assertProblem(post("/api/analysis/analyze", "{\"network\":\"devnet\"}", user()), 400, "Missing field",
                "contractAddress is required");
        assertProblem(post("/api/analysis/analyze", "{\"contractAddress\":\"" + freshAddress() + "\"}", user()), 400,
                "Missing field", "network is required");
        assertProblem(post("/api/analysis/analyze", "{\"contractAddress\":\"" + freshAddress()
                + "\",\"network\":\"devnet\",\"depth\":3}", user()), 400, "Invalid field", "depth must be a non-empty string");
        assertProblem(post("/api/analysis/analyze", "[1,2]", user()), 400, "Invalid analysis request",
                "must be a JSON object");
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertProblem(post("/api/analysis/analyze", "{\"contractAddress\": ", user()), 400, "Malformed JSON", "");
        assertProblem(post("/api/analysis/analyze", "", user()), 400, "Malformed JSON", "");
    }

    @Test
    void aBatchOverTenOrEmptyOrWithABadItemIs400() throws Exception {
        StringBuilder eleven = new StringBuilder("{\"contracts\":[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",").append("{\"contractAddress\":\"").append(freshAddress())
                    .append("\",\"network\":\"devnet\"}");
        }
        eleven.append("]}");
        assertProblem(post("/api/analysis/batch", eleven.toString(), user()), 400, "Batch too large",
                "at most 10 contracts; this one has 11");
        assertProblem(post("/api/analysis/batch", "{\"contracts\":[]}", user()), 400, "Empty batch", "");
        assertProblem(post("/api/analysis/batch", "{}", user()), 400, "Invalid batch", "'contracts' must be an array");
        assertProblem(post("/api/analysis/batch", "{\"contracts\":[{\"contractAddress\":\"" + freshAddress()
                + "\",\"network\":\"devnet\"},{\"contractAddress\":\"0x12\",\"network\":\"devnet\"}]}", user()),
                400, "Malformed address", "contracts[1].");
    }

    @Test
    void historyAndCachedCheckTheirInputToo() throws Exception {
        assertProblem(get("/api/analysis/narnia/" + freshAddress() + "/history", user()), 400, "Unknown network", "");
        assertProblem(get("/api/analysis/devnet/0x12/history", user()), 400, "Malformed address", "");
        assertProblem(get("/api/analysis/devnet/" + freshAddress() + "/history?limit=0", user()), 400,
                "Invalid limit", "1 to 1000");
        assertProblem(get("/api/analysis/devnet/" + freshAddress() + "/history?limit=ten", user()), 400,
                "Invalid limit", "");
        assertProblem(get("/api/analysis/cached/0x12", null), 400, "Malformed address", "");
        assertProblem(get("/api/analysis/cached/" + flipCase(freshAddress()), null), 400, "EIP-55 checksum mismatch", "");
    }

    @Test
    void aJobIdThatIsNotAUuidIsSimplyNotFound() throws Exception {
        assertProblem(get("/api/analysis/jobs/42", user()), 404, "Job not found", "");
    }

    @Test
    void dataServiceDownIs503NeverA500() throws Exception {
        String failing = freshAddress();
        DATA.problem(failing, 503, "Service Unavailable", "overloaded");
        HttpResponse<String> unavailable = analyze("devnet", failing, null, user());
        assertProblem(unavailable, 503, "Token facts unavailable", "data-service unavailable: HTTP 503");
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("30");

        String dropped = freshAddress();
        DATA.disconnect(dropped);
        assertProblem(analyze("devnet", dropped, null, user()), 503, "Token facts unavailable", "data-service unavailable");
    }

    @Test
    void withoutATokenNothingIsAnalysed() throws Exception {
        String address = freshAddress();
        assertThat(analyze("devnet", address, null, null).statusCode()).isEqualTo(401);
        assertThat(DATA.calls(address)).isEmpty();
    }

    static String flipCase(String checksummed) {
        char[] chars = checksummed.toCharArray();
        for (int i = 2; i < chars.length; i++) {
            if (Character.isLetter(chars[i])) {
                chars[i] = Character.isUpperCase(chars[i]) ? Character.toLowerCase(chars[i])
                        : Character.toUpperCase(chars[i]);
                return new String(chars);
            }
        }
        // All digits but one letter is needed for a mismatch; practically never happens with random addresses.
        throw new IllegalStateException("no letter in " + checksummed);
    }

    static void assertProblem(HttpResponse<String> response, int status, String title, String detailContains) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asString()).isEqualTo(title);
        assertThat(problem.path("detail").asString()).contains(detailContains);
        assertThat(problem.path("type").asString()).startsWith("urn:kaizen:problem:");
    }
}
