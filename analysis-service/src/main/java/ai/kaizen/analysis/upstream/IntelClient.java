package ai.kaizen.analysis.upstream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * intel-service's view of an address: {@code GET /api/intel/addresses/{network}/{address}}. Never throws: when
 * intel-service is down, slow, missing or its breaker is open the answer is {@link Answer.Unavailable} with the
 * reason, and the analysis goes on with lower confidence.
 *
 * <p>The reply fields read (others are ignored; unknown or mistyped ones count as absent):
 * {@code labels[]} ({@code {label|name, category|type, source}} or plain strings), {@code sanctioned},
 * {@code mixerFunded} (or {@code funding.mixerFunded}), {@code deployer.tokensDeployed},
 * {@code deployer.rugPulls} + {@code deployer.honeypots} (or {@code previousRugs}).
 */
public final class IntelClient {

    static final String NAME = "intel-service";

    /** What intel-service said, or why it could not say anything. */
    public sealed interface Answer {

        record Found(IntelReport report) implements Answer {
        }

        record Unavailable(String reason) implements Answer {
        }
    }

    /**
     * @param address      the address asked about
     * @param labels       labels from intel-service's sources
     * @param sanctioned   on a sanctions list
     * @param mixerFunded  its funds trace back to a mixer
     * @param previousRugs earlier tokens of this deployer that ended as rugs or honeypots, when known
     * @param tokensDeployed tokens this address deployed before, when known
     */
    public record IntelReport(String address, List<Label> labels, boolean sanctioned, boolean mixerFunded,
                              @Nullable Integer previousRugs, @Nullable Integer tokensDeployed) {
    }

    public record Label(String name, @Nullable String category, @Nullable String source) {
    }

    private final UpstreamHttp http;
    private final ServiceCredentials service;
    private final JsonMapper json;

    IntelClient(UpstreamHttp http, ServiceCredentials service, JsonMapper json) {
        this.http = http;
        this.service = service;
        this.json = json;
    }

    public Answer address(String network, String address, Credential credential) {
        try {
            UpstreamHttp.Reply reply = Calls.withCredential(http, "/api/intel/addresses/"
                    + DataServiceClient.encode(network) + "/" + DataServiceClient.encode(address), credential, service);
            if (!reply.ok()) {
                RuntimeException failure = Calls.failure(NAME, reply, json);
                return new Answer.Unavailable(failure instanceof UpstreamRejectedException rejected
                        ? NAME + " refused the request: " + rejected.getMessage() : failure.getMessage());
            }
            return new Answer.Found(read(address, json.readTree(reply.body())));
        } catch (UpstreamUnavailableException | MissingServiceCredentialException e) {
            return new Answer.Unavailable(e.getMessage());
        } catch (RuntimeException e) {
            return new Answer.Unavailable(NAME + " unavailable: unreadable reply (" + e.getClass().getSimpleName() + ")");
        }
    }

    static IntelReport read(String address, JsonNode body) {
        List<Label> labels = new ArrayList<>();
        boolean sanctioned = body.path("sanctioned").asBoolean(false);
        for (JsonNode label : body.path("labels").values()) {
            String name = label.isString() ? label.asString() : firstText(label, "label", "name");
            if (name == null) {
                continue;
            }
            String category = label.isObject() ? firstText(label, "category", "type") : null;
            String source = label.isObject() ? firstText(label, "source") : null;
            labels.add(new Label(name, category, source));
            String kind = (category == null ? name : category).toLowerCase(Locale.ROOT);
            sanctioned |= kind.contains("sanction") || kind.equals("ofac");
        }
        boolean mixerFunded = body.path("mixerFunded").asBoolean(false)
                || body.path("funding").path("mixerFunded").asBoolean(false);
        JsonNode deployer = body.path("deployer");
        Integer rugs = null;
        if (deployer.path("rugPulls").isNumber() || deployer.path("honeypots").isNumber()) {
            rugs = deployer.path("rugPulls").asInt(0) + deployer.path("honeypots").asInt(0);
        } else if (body.path("previousRugs").isNumber()) {
            rugs = body.path("previousRugs").asInt();
        }
        Integer deployed = deployer.path("tokensDeployed").isNumber() ? deployer.path("tokensDeployed").asInt() : null;
        return new IntelReport(address, List.copyOf(labels), sanctioned, mixerFunded,
                rugs == null ? null : Math.max(0, rugs), deployed);
    }

    private static @Nullable String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            String text = Calls.text(node, field);
            if (text != null) {
                return Calls.clip(text);
            }
        }
        return null;
    }
}
