package ai.kaizen.analysis.upstream;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * data-service's token facts: {@code GET /api/tokens/{network}/{address}/facts?depth=...}. A 2xx gives the facts
 * (as JSON: the sections it has grown since are read tolerantly by {@code TokenFactsView}); a 4xx or 501 problem is
 * passed on ({@link UpstreamRejectedException}: bad input, no contract code, network not supported); anything else
 * means data-service is unavailable ({@link UpstreamUnavailableException}).
 */
public final class DataServiceClient {

    static final String NAME = "data-service";

    private final UpstreamHttp http;
    private final ServiceCredentials service;
    private final JsonMapper json;

    DataServiceClient(UpstreamHttp http, ServiceCredentials service, JsonMapper json) {
        this.http = http;
        this.service = service;
        this.json = json;
    }

    public JsonNode facts(String network, String address, String depth, Credential credential) {
        String path = "/api/tokens/" + encode(network) + "/" + encode(address) + "/facts?depth=" + encode(depth);
        UpstreamHttp.Reply reply = Calls.withCredential(http, path, credential, service);
        if (reply.ok()) {
            try {
                JsonNode facts = json.readTree(reply.body());
                if (!facts.isObject()) {
                    throw new UpstreamUnavailableException(NAME, "the facts reply is not a JSON object");
                }
                return facts;
            } catch (tools.jackson.core.JacksonException e) {
                throw new UpstreamUnavailableException(NAME, "the facts reply is not JSON");
            }
        }
        throw Calls.failure(NAME, reply, json);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
