package ai.kaizen.analysis;

import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's cache: analysis:{network}:{address}; quick accepts up to 5 minutes, standard up to 15, only results of
 * at least its depth; comprehensive never reads it. Ages on the service's (here: controlled) clock.
 */
class CacheTests extends ServiceTestSupport {

    @Test
    void aCachedAnswerServesWithinTheDepthsMaxAgeAndNotBeyond() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        String user = user();

        HttpResponse<String> first = analyze("devnet", address, "standard", user);
        HttpResponse<String> again = analyze("devnet", address, "standard", user);
        assertThat(header(first)).isEqualTo("miss");
        assertThat(header(again)).isEqualTo("hit");
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(DATA.calls(address)).hasSize(1);

        CLOCK.advance(Duration.ofMinutes(4));
        assertThat(header(analyze("devnet", address, "quick", user))).as("a standard result answers quick").isEqualTo("hit");
        CLOCK.advance(Duration.ofMinutes(2));
        assertThat(header(analyze("devnet", address, "standard", user))).as("6 min < 15 min").isEqualTo("hit");
        assertThat(header(analyze("devnet", address, "quick", user))).as("6 min > 5 min").isEqualTo("miss");
        assertThat(DATA.calls(address)).extracting(FakeDataService.Call::depth).containsExactly("standard", "quick");
        assertThat(header(analyze("devnet", address, "standard", user))).as("a quick result never answers standard")
                .isEqualTo("miss");
        assertThat(DATA.calls(address)).hasSize(3);

        CLOCK.advance(Duration.ofMinutes(15));
        assertThat(header(analyze("devnet", address, "standard", user))).as("15 min and older").isEqualTo("miss");
        assertThat(DATA.calls(address)).hasSize(4);
    }

    @Test
    void comprehensiveNeverReadsTheCache() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        String user = user();
        analyze("devnet", address, "standard", user);

        HttpResponse<String> comprehensive = analyze("devnet", address, "comprehensive", user);

        assertThat(header(comprehensive)).isEqualTo("miss");
        assertThat(json(comprehensive).path("depth").asString()).isEqualTo("comprehensive");
        assertThat(DATA.calls(address).size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCachedEndpointAnswersTheLatestCachedAnalysisToAnyoneOr404() throws Exception {
        String address = freshAddress();
        DATA.facts(address, zooFacts("clean_renounced_burned"));
        HttpResponse<String> analysed = analyze("devnet", address, "standard", user());

        HttpResponse<String> cached = get("/api/analysis/cached/" + address.toLowerCase(), null);

        assertThat(cached.statusCode()).isEqualTo(200);
        assertThat(cached.body()).isEqualTo(analysed.body());
        assertThat(redisKeyExists("analysis:devnet:" + address)).isTrue();

        HttpResponse<String> missing = get("/api/analysis/cached/" + freshAddress(), null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).path("title").asString()).isEqualTo("No cached analysis");
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.redis.core.StringRedisTemplate redis;

    private boolean redisKeyExists(String key) {
        Long ttl = redis.getExpire(key);
        return Boolean.TRUE.equals(redis.hasKey(key)) && ttl != null && ttl > 0 && ttl <= 900;
    }

    private static String header(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.headers().firstValue("X-Kaizen-Cache").orElse("");
    }
}
