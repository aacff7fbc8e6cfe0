package ai.kaizen.analysis.upstream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * social-service's summary of a token: {@code GET /api/social/tokens/{network}/{address}/summary}. Never throws:
 * when social-service is down, slow, missing or its breaker is open the answer is {@link Answer.Unavailable}.
 * Nothing is ever invented: without {@code collected: true} there are no social figures.
 *
 * <p>The reply fields read: {@code collected} (boolean), {@code sentiment} (0–1 display scale; a value in −1…1
 * given as {@code sentimentScore} is converted), {@code mentions24h}, {@code manipulationRisk} (0–1),
 * {@code reason} (why nothing was collected).
 */
public final class SocialClient {

    static final String NAME = "social-service";

    public sealed interface Answer {

        record Found(SocialSummary summary) implements Answer {
        }

        record Unavailable(String reason) implements Answer {
        }
    }

    /**
     * @param collected        whether social-service has collected anything for the token
     * @param sentiment        0 (negative) … 1 (positive)
     * @param mentions24h      mentions in the last 24 hours
     * @param manipulationRisk 0 … 1
     * @param reason           why nothing was collected, when it says
     */
    public record SocialSummary(boolean collected, @Nullable Double sentiment, @Nullable Long mentions24h,
                                @Nullable Double manipulationRisk, @Nullable String reason) {

        public static SocialSummary notCollected(String reason) {
            return new SocialSummary(false, null, null, null, reason);
        }
    }

    private final UpstreamHttp http;
    private final ServiceCredentials service;
    private final JsonMapper json;

    SocialClient(UpstreamHttp http, ServiceCredentials service, JsonMapper json) {
        this.http = http;
        this.service = service;
        this.json = json;
    }

    public Answer summary(String network, String address, Credential credential) {
        try {
            UpstreamHttp.Reply reply = Calls.withCredential(http, "/api/social/tokens/"
                    + DataServiceClient.encode(network) + "/" + DataServiceClient.encode(address) + "/summary",
                    credential, service);
            if (!reply.ok()) {
                RuntimeException failure = Calls.failure(NAME, reply, json);
                return new Answer.Unavailable(failure instanceof UpstreamRejectedException rejected
                        ? NAME + " refused the request: " + rejected.getMessage() : failure.getMessage());
            }
            return new Answer.Found(read(json.readTree(reply.body())));
        } catch (UpstreamUnavailableException | MissingServiceCredentialException e) {
            return new Answer.Unavailable(e.getMessage());
        } catch (RuntimeException e) {
            return new Answer.Unavailable(NAME + " unavailable: unreadable reply (" + e.getClass().getSimpleName() + ")");
        }
    }

    static SocialSummary read(JsonNode body) {
        String reason = Calls.text(body, "reason");
        if (!body.path("collected").asBoolean(false)) {
            return SocialSummary.notCollected(reason != null ? Calls.clip(reason)
                    : "social-service has collected nothing for this token");
        }
        Double sentiment = ratio(body.path("sentiment"));
        if (sentiment == null && body.path("sentimentScore").isNumber()) {
            double raw = body.path("sentimentScore").asDouble();
            sentiment = raw >= -1 && raw <= 1 ? (raw + 1) / 2 : null;
        }
        JsonNode mentions = body.path("mentions24h");
        Long count = mentions.canConvertToLong() && mentions.isIntegralNumber() && mentions.asLong() >= 0
                ? mentions.asLong() : null;
        return new SocialSummary(true, sentiment, count, ratio(body.path("manipulationRisk")), null);
    }

    private static @Nullable Double ratio(JsonNode value) {
        if (!value.isNumber()) {
            return null;
        }
        double number = value.asDouble();
        return Double.isFinite(number) && number >= 0 && number <= 1 ? number : null;
    }
}
