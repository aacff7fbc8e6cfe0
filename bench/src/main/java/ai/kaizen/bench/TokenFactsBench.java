package ai.kaizen.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cold standard-depth token facts for every devnet zoo token, through data-service's real HTTP endpoint
 * ({@code GET /api/tokens/{network}/{address}/facts?depth=standard}): per token the wall time of the request, the
 * JSON-RPC round trips on the critical path (the longest chain of round trips that did not overlap in time, as
 * data-service reports it in {@code rpc.sequentialRoundTrips}), all round trips and all JSON-RPC calls; then totals.
 * "Cold" means not from the facts cache: the Redis key is deleted before every request.
 *
 * <p>By default everything it needs is started privately and stopped afterwards: a devnet on a free port (from the
 * cached state dump), a JWKS endpoint with a fresh ES256 key that signs the bench's access token, and data-service
 * itself ({@code data-service/target/data-service-*.jar}, built with {@code mvn -pl data-service package}) on a free
 * port. With {@code --data-url} it measures a data-service that is already running (the launcher's, on 8084 with the
 * devnet on 8545) instead, with a token from {@code --token} or from a throwaway account registered at
 * {@code --auth-url}.
 *
 * <p>Arguments (all optional): {@code --rounds=N} (default 3; the median wall time is reported),
 * {@code --data-url=URL}, {@code --token=JWT}, {@code --auth-url=URL}, {@code --network=NAME} (devnet),
 * {@code --manifest=PATH} (the zoo; default devnet/manifest.json, or the private devnet's). Environment:
 * {@code KAIZEN_BENCH_REDIS_URI} (redis://localhost:6379, the facts cache data-service uses); the private
 * data-service gets the usual KAIZEN_DB_URL / REDIS_HOST... from this process's environment.
 */
public final class TokenFactsBench {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int TARGET_MS = 1000;
    private static final int TARGET_ROUND_TRIPS = 8;

    private TokenFactsBench() {
    }

    /** One measured request. */
    private record Sample(long wallMs, int sequential, int roundTrips, int calls, String cache, JsonNode facts) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        String network = options.getOrDefault("network", "devnet");
        Path root = repositoryRoot();
        List<AutoCloseable> cleanup = new ArrayList<>();
        try {
            String dataUrl = options.get("data-url");
            String token = options.get("token");
            Path manifest = Path.of(options.getOrDefault("manifest", root.resolve("devnet/manifest.json").toString()));
            String setup;
            if (dataUrl == null) {
                Path work = Files.createTempDirectory("kaizen-bench-facts-");
                Devnet devnet = Devnet.start(root, work);
                cleanup.addFirst(devnet);
                manifest = devnet.manifest();
                Issuer issuer = Issuer.start();
                cleanup.addFirst(issuer);
                DataService service = DataService.start(root, work, devnet, issuer);
                cleanup.addFirst(service);
                dataUrl = service.url();
                token = issuer.token();
                setup = "private devnet " + devnet.url + ", private data-service " + dataUrl + " (log: "
                        + work.resolve("data-service.log") + ")";
            } else {
                if (token == null) {
                    token = register(options.getOrDefault("auth-url", "http://localhost:8081"));
                }
                setup = "running data-service " + dataUrl;
            }
            JsonNode zoo = MAPPER.readTree(Files.readAllBytes(manifest));
            try (RedisClient redis = RedisClient.create(System.getenv().getOrDefault("KAIZEN_BENCH_REDIS_URI",
                    "redis://localhost:6379"));
                 StatefulRedisConnection<String, String> cache = redis.connect()) {
                run(dataUrl, token, network, zoo, rounds, cache, setup);
            }
        } finally {
            for (AutoCloseable resource : cleanup) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("cleanup: " + e.getMessage());
                }
            }
        }
    }

    private static void run(String dataUrl, String token, String network, JsonNode zoo, int rounds,
                            StatefulRedisConnection<String, String> cache, String setup) throws Exception {
        List<JsonNode> tokens = zoo.path("tokens").valueStream().toList();
        System.out.printf(Locale.ROOT, "Token facts bench: %d zoo tokens, depth standard, cold (facts cache key deleted "
                + "before each request), median of %d rounds; %s%n", tokens.size(), rounds, setup);
        // One request first so the service's code is loaded and compiled: the figures are per request, not JVM start-up.
        JsonNode first = tokens.getFirst();
        evict(cache, network, first);
        request(dataUrl, token, network, first.path("address").stringValue());

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (JsonNode zooToken : tokens) {
                evict(cache, network, zooToken);
                Sample sample = request(dataUrl, token, network, zooToken.path("address").stringValue());
                samples.computeIfAbsent(zooToken.path("symbol").stringValue(), k -> new ArrayList<>()).add(sample);
            }
        }

        System.out.println();
        System.out.printf(Locale.ROOT, "%-8s %9s %8s %6s %6s  %-5s %12s %7s %7s  %s%n", "token", "wall ms", "seq RT",
                "RT", "calls", "cache", "liq USD", "holders", "signals", "checks (simulation privileges liquidity holders)");
        long totalMs = 0;
        int maxSequential = 0;
        int totalRoundTrips = 0;
        int totalCalls = 0;
        int overTime = 0;
        int overTrips = 0;
        for (Map.Entry<String, List<Sample>> entry : samples.entrySet()) {
            List<Sample> runs = entry.getValue();
            long median = median(runs.stream().map(Sample::wallMs).toList());
            int sequential = runs.stream().mapToInt(Sample::sequential).max().orElse(0);
            Sample last = runs.getLast();
            JsonNode facts = last.facts();
            totalMs += median;
            maxSequential = Math.max(maxSequential, sequential);
            totalRoundTrips += last.roundTrips();
            totalCalls += last.calls();
            overTime += median > TARGET_MS ? 1 : 0;
            overTrips += sequential > TARGET_ROUND_TRIPS ? 1 : 0;
            System.out.printf(Locale.ROOT, "%-8s %9d %8d %6d %6d  %-5s %12s %7s %7d  %s%n", entry.getKey(), median,
                    sequential, last.roundTrips(), last.calls(), runs.stream().allMatch(s -> s.cache().equals("miss"))
                            ? "miss" : "HIT", text(facts.path("liquidity").path("totalUSD")),
                    text(facts.path("distribution").path("holderCount")), facts.path("signals").size(),
                    checks(facts.path("coverage")));
        }
        int n = samples.size();
        System.out.println();
        System.out.printf(Locale.ROOT, "total    %9d ms for %d tokens (mean %d ms); max sequential round trips %d; %d round "
                + "trips, %d JSON-RPC calls (one round)%n", totalMs, n, n == 0 ? 0 : totalMs / n, maxSequential,
                totalRoundTrips, totalCalls);
        System.out.printf(Locale.ROOT, "targets: <= %d ms per token cold: %s; <= %d sequential round trips: %s%n",
                TARGET_MS, overTime == 0 ? "met" : overTime + " token(s) over", TARGET_ROUND_TRIPS,
                overTrips == 0 ? "met" : overTrips + " token(s) over");
    }

    private static void evict(StatefulRedisConnection<String, String> cache, String network, JsonNode token) {
        cache.sync().del("facts:" + network + ":" + token.path("address").stringValue().toLowerCase(Locale.ROOT)
                + ":standard");
    }

    private static Sample request(String dataUrl, String token, String network, String address) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(dataUrl + "/api/tokens/" + network + "/" + address
                        + "/facts?depth=standard"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120)).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        long wallMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("facts for " + address + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode facts = MAPPER.readTree(response.body());
        JsonNode rpc = facts.path("rpc");
        return new Sample(wallMs, rpc.path("sequentialRoundTrips").asInt(-1), rpc.path("roundTrips").asInt(),
                rpc.path("calls").asInt(-1), response.headers().firstValue("X-Kaizen-Cache").orElse("?"), facts);
    }

    private static String checks(JsonNode coverage) {
        List<String> out = new ArrayList<>();
        for (String check : List.of("simulation", "privileges", "liquidity", "holders")) {
            String status = "-";
            for (JsonNode entry : coverage) {
                if (entry.path("check").stringValue("").equals(check)) {
                    status = entry.path("status").stringValue("?");
                }
            }
            out.add(status);
        }
        return String.join(" ", out);
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? "-" : node.asString();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    /** The checkout's root: the first directory upwards that has devnet/scripts/start.js. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("devnet/scripts/start.js"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository (devnet/scripts/start.js not found)");
        }
        return dir;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A throwaway account at a running auth-service, for its access token. */
    private static String register(String authUrl) throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("email", "bench-" + UUID.randomUUID() + "@example.com",
                "password", "Bench-" + UUID.randomUUID()));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(authUrl + "/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering a bench account at " + authUrl + " answered HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body()).path("accessToken").stringValue();
    }

    /** A devnet of the bench's own: devnet/scripts/start.js on a free port, state in a temporary folder. */
    private static final class Devnet implements AutoCloseable {
        private final Path root;
        private final Path dir;
        final String url;

        private Devnet(Path root, Path dir, String url) {
            this.root = root;
            this.dir = dir;
            this.url = url;
        }

        static Devnet start(Path root, Path work) throws Exception {
            Path dir = work.resolve("devnet");
            Files.createDirectories(dir);
            int port = freePort();
            String output = script(root, dir, "start", Map.of("DEVNET_PORT", Integer.toString(port)));
            if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
                throw new IllegalStateException("the devnet did not start: " + output);
            }
            return new Devnet(root, dir, "http://127.0.0.1:" + port);
        }

        Path manifest() {
            return dir.resolve("manifest.json");
        }

        private static String script(Path root, Path dir, String command, Map<String, String> env) throws Exception {
            ProcessBuilder builder = new ProcessBuilder("node", root.resolve("devnet/scripts/start.js").toString(),
                    command).redirectErrorStream(true);
            builder.environment().put("DEVNET_RUN_DIR", dir.toString());
            builder.environment().put("DEVNET_MANIFEST", dir.resolve("manifest.json").toString());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("devnet " + command + " did not finish in 180 s");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws Exception {
            script(root, dir, "stop", Map.of());
        }
    }

    /**
     * The bench's own token issuer: a fresh ES256 key, its JWKS on a local port, and an access token shaped like
     * auth-service's (issuer, audience kaizen, subject, roles, tier, kid) so data-service accepts it.
     */
    private static final class Issuer implements AutoCloseable {
        private final HttpServer server;
        private final KeyPair key;
        final String issuer;

        private Issuer(HttpServer server, KeyPair key, String issuer) {
            this.server = server;
            this.key = key;
            this.issuer = issuer;
        }

        static Issuer start() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair key = generator.generateKeyPair();
            ECPublicKey publicKey = (ECPublicKey) key.getPublic();
            String jwks = MAPPER.writeValueAsString(Map.of("keys", List.of(Map.of("kty", "EC", "crv", "P-256",
                    "kid", "bench", "alg", "ES256", "use", "sig",
                    "x", b64(coordinate(publicKey.getW().getAffineX())),
                    "y", b64(coordinate(publicKey.getW().getAffineY()))))));
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/.well-known/jwks.json", exchange -> {
                byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return new Issuer(server, key, "http://127.0.0.1:" + server.getAddress().getPort());
        }

        String jwksUri() {
            return issuer + "/.well-known/jwks.json";
        }

        String token() throws Exception {
            long now = Instant.now().getEpochSecond();
            String header = b64(MAPPER.writeValueAsBytes(Map.of("alg", "ES256", "typ", "JWT", "kid", "bench")));
            String claims = b64(MAPPER.writeValueAsBytes(Map.of("iss", issuer, "aud", "kaizen",
                    "sub", UUID.randomUUID().toString(), "roles", List.of("USER"), "tier", "enterprise",
                    "iat", now, "exp", now + 3600)));
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(key.getPrivate());
            signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + b64(signer.sign());
        }

        private static byte[] coordinate(BigInteger value) {
            byte[] bytes = value.toByteArray();
            byte[] out = new byte[32];
            int length = Math.min(32, bytes.length);
            System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
            return out;
        }

        private static String b64(byte[] bytes) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** data-service from its built jar, on a free port, against the private devnet and issuer. */
    private static final class DataService implements AutoCloseable {
        private final Process process;
        private final int port;

        private DataService(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static DataService start(Path root, Path work, Devnet devnet, Issuer issuer) throws Exception {
            Path jar;
            try (Stream<Path> files = Files.list(root.resolve("data-service/target"))) {
                jar = files.filter(p -> p.getFileName().toString().matches("data-service-.*\\.jar"))
                        .max(Comparator.comparing(p -> p.toFile().lastModified())).orElseThrow();
            } catch (IOException | java.util.NoSuchElementException e) {
                throw new IllegalStateException("data-service is not built: run "
                        + "mvn -B -pl data-service package -DskipTests first", e);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(work.resolve("data-service.log").toFile());
            Map<String, String> env = builder.environment();
            env.put("SERVER_PORT", Integer.toString(port));
            env.put("KAIZEN_CHAIN_DEVNET_RPC_URL", devnet.url);
            env.put("KAIZEN_DEVNET_MANIFEST", devnet.manifest().toString());
            env.put("KAIZEN_JWKS_URI", issuer.jwksUri());
            env.put("KAIZEN_JWT_ISSUER", issuer.issuer);
            env.put("KAIZEN_JWT_AUDIENCE", "kaizen");
            DataService service = new DataService(builder.start(), port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (true) {
                try {
                    HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create(service.url()
                            + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (ready.statusCode() == 200) {
                        return service;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                if (!service.process.isAlive() || System.nanoTime() > deadline) {
                    service.close();
                    throw new IllegalStateException("data-service did not become ready; see "
                            + work.resolve("data-service.log"));
                }
                Thread.sleep(200);
            }
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
