package ai.kaizen.analysis.upstream;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What every client does with credentials and error replies. */
final class Calls {

    private Calls() {
    }

    /** A GET with the credential's bearer token; a 401 to the service token refreshes it and tries once more. */
    static UpstreamHttp.Reply withCredential(UpstreamHttp http, String path, Credential credential,
                                             ServiceCredentials service) {
        if (credential instanceof Credential.UserToken user) {
            return http.get(path, user.bearer());
        }
        UpstreamHttp.Reply reply = http.get(path, service.token());
        if (reply.status() == 401) {
            service.invalidate();
            reply = http.get(path, service.token());
        }
        return reply;
    }

    /**
     * The exception for a non-2xx reply: a problem the caller should see (4xx other than 401/403/404/408/429, and 501)
     * is passed on; the rest means the service cannot serve us right now.
     */
    static RuntimeException failure(String service, UpstreamHttp.Reply reply, JsonMapper json) {
        int status = reply.status();
        boolean passOn = (status >= 400 && status < 500 && status != 401 && status != 403 && status != 404
                && status != 408 && status != 429) || status == 501;
        String title = null;
        String detail = null;
        try {
            JsonNode problem = json.readTree(reply.body());
            title = text(problem, "title");
            detail = text(problem, "detail");
        } catch (RuntimeException ignored) {
            // not a problem document: the status alone says it
        }
        if (passOn) {
            return new UpstreamRejectedException(service, status, title,
                    detail != null ? detail : "HTTP " + status + (title == null ? "" : " " + title));
        }
        String why = switch (status) {
            case 401, 403 -> "it refused our credentials (HTTP " + status + ")";
            case 404 -> "it has no such endpoint (HTTP 404)";
            case 429 -> "it is rate limiting us (HTTP 429)";
            default -> "HTTP " + status;
        };
        return new UpstreamUnavailableException(service, why + (detail == null ? "" : ": " + clip(detail)));
    }

    static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    static String clip(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }
}
