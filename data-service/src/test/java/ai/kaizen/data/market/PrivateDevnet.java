package ai.kaizen.data.market;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import ai.kaizen.data.chain.Chain;
import ai.kaizen.data.chain.ChainRegistry;
import ai.kaizen.data.chain.ChainsProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A devnet of its own for one test class: the zoo loaded from the cached state dump on a free port, with its run
 * directory and manifest in a temporary folder, started and stopped through devnet/scripts/start.js.
 */
public final class PrivateDevnet implements AutoCloseable {

    private static final Path SCRIPT = Path.of("..", "devnet", "scripts", "start.js").toAbsolutePath().normalize();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final Path dir;
    private final URI url;
    private final JsonNode manifest;

    private PrivateDevnet(Path dir, URI url, JsonNode manifest) {
        this.dir = dir;
        this.url = url;
        this.manifest = manifest;
    }

    /** Whether node and the devnet (with its npm packages) are there to start one. */
    public static boolean available() {
        return Files.isRegularFile(SCRIPT)
                && Files.isDirectory(SCRIPT.getParent().getParent().resolve("node_modules"))
                && Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(p -> Files.isExecutable(Path.of(p, "node")));
    }

    public static PrivateDevnet start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kaizen-devnet-");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String output = run(dir, "start", Map.of("DEVNET_PORT", Integer.toString(port)));
        Path manifestPath = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestPath)) {
            throw new IllegalStateException("the devnet did not start: " + output);
        }
        return new PrivateDevnet(dir, URI.create("http://127.0.0.1:" + port),
                MAPPER.readTree(Files.readAllBytes(manifestPath)));
    }

    private static String run(Path dir, String command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("node", SCRIPT.toString(), command).redirectErrorStream(true);
        builder.environment().put("DEVNET_RUN_DIR", dir.toString());
        builder.environment().put("DEVNET_MANIFEST", dir.resolve("manifest.json").toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("devnet " + command + " did not finish in 120 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    public URI url() {
        return url;
    }

    public Path manifestPath() {
        return dir.resolve("manifest.json");
    }

    public JsonNode manifest() {
        return manifest;
    }

    /** The zoo tokens as the manifest lists them. */
    public List<JsonNode> tokens() {
        return manifest.path("tokens").valueStream().toList();
    }

    /** The devnet as the chain registry builds it from the manifest, under the given name. */
    public Chain chain(String name) {
        ChainsProperties.Chain settings = new ChainsProperties.Chain(null, List.of(url), manifestPath().toString(),
                null, List.of(), null, List.of(), null, List.of(), List.of());
        return new ChainRegistry(new ChainsProperties(Map.of(name, settings)), MAPPER).find(name).orElseThrow();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(dir, "stop", Map.of());
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
