package ai.kaizen.data.facts;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON-RPC node that speaks the wire protocol (single and batch requests) for a few contracts, like a provider
 * without otterscan or Multicall3. Tokens answer the ERC-20 and owner() calls; "rate-limited" contracts answer every
 * eth_call with the -32005 error providers send when over quota.
 */
final class FakeNode extends Dispatcher {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    final Map<String, String> code = new ConcurrentHashMap<>();
    final Map<String, String> owners = new ConcurrentHashMap<>();
    final Set<String> rateLimitedCalls = ConcurrentHashMap.newKeySet();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonNode body = MAPPER.readTree(request.getBody().utf8());
        JsonNode reply;
        if (body.isArray()) {
            ArrayNode replies = MAPPER.createArrayNode();
            body.forEach(call -> replies.add(answer(call)));
            reply = replies;
        } else {
            reply = answer(body);
        }
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body(MAPPER.writeValueAsString(reply)).build();
    }

    private ObjectNode answer(JsonNode call) {
        ObjectNode reply = MAPPER.createObjectNode();
        reply.put("jsonrpc", "2.0");
        reply.set("id", call.path("id"));
        JsonNode params = call.path("params");
        switch (call.path("method").stringValue()) {
            case "eth_blockNumber" -> reply.put("result", "0x64");
            case "eth_getCode" -> reply.put("result", code.getOrDefault(lower(params.get(0)), "0x"));
            case "eth_getStorageAt" -> reply.put("result", "0x" + "0".repeat(64));
            case "eth_call" -> {
                String to = lower(params.get(0).path("to"));
                String data = params.get(0).path("data").stringValue();
                if (rateLimitedCalls.contains(to)) {
                    return error(reply, -32005, "daily request count exceeded, request rate limited");
                }
                if (!code.containsKey(to)) {
                    reply.put("result", "0x");
                    break;
                }
                String result = erc20(to, data.substring(0, 10));
                if (result == null) {
                    return error(reply, 3, "execution reverted");
                }
                reply.put("result", result);
            }
            default -> {
                return error(reply, -32601, "the method " + call.path("method").stringValue() + " does not exist/is not available");
            }
        }
        return reply;
    }

    private String erc20(String token, String selector) {
        return switch (selector) {
            case "0x06fdde03" -> string("Fake Token");
            case "0x95d89b41" -> string("FAKE");
            case "0x313ce567" -> word(BigInteger.valueOf(18));
            case "0x18160ddd" -> word(new BigInteger("1000000000000000000000000"));
            case "0x70a08231" -> word(BigInteger.ZERO);
            case "0x8da5cb5b" -> owners.containsKey(token) ? "0x" + "0".repeat(24) + owners.get(token).substring(2) : null;
            default -> null;
        };
    }

    private static ObjectNode error(ObjectNode reply, int code, String message) {
        ObjectNode error = reply.putObject("error");
        error.put("code", code);
        error.put("message", message);
        return reply;
    }

    private static String lower(JsonNode node) {
        return node.stringValue().toLowerCase(Locale.ROOT);
    }

    static String word(BigInteger value) {
        return "0x" + String.format("%064x", value);
    }

    static String string(String text) {
        String hex = HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "0x" + String.format("%064x", 32) + String.format("%064x", text.length())
                + hex + "0".repeat(64 - hex.length());
    }
}
