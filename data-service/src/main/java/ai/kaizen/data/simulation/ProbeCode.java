package ai.kaizen.data.simulation;

import java.io.IOException;
import java.io.InputStream;

import ai.kaizen.data.rpc.Hex;
import ai.kaizen.data.rpc.RpcException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime code of {@code KaizenProbe} (src/main/solidity), compiled once by {@code compile.js} into
 * {@code simulation/kaizen-probe.json}. It is never deployed: requests inject it at fresh addresses through state
 * overrides.
 */
public final class ProbeCode {

    private static final String RESOURCE = "/simulation/kaizen-probe.json";
    private static final String RUNTIME;
    private static final String COMPILER;

    static {
        try (InputStream in = ProbeCode.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            JsonNode json = JsonMapper.builder().build().readTree(in);
            String runtime = json.path("runtime").asString("");
            Hex.bytes(runtime);
            RUNTIME = runtime;
            COMPILER = json.path("compiler").asString("unknown");
        } catch (IOException | RpcException e) {
            throw new IllegalStateException("unreadable " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private ProbeCode() {
    }

    /** The runtime code as 0x hex. */
    public static String runtime() {
        return RUNTIME;
    }

    public static String compiler() {
        return COMPILER;
    }
}
