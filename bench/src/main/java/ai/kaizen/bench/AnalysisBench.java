package ai.kaizen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis API under load, against a running stack: requests/s and p50/p99 of a cached standard analysis at a
 * fixed concurrency, through the gateway and directly against analysis-service in the same run (and their ratio),
 * then the wall time of a cold standard analysis of each devnet zoo token.
 *
 * <p>Arguments (all optional, {@code --name=value}): {@code gateway} (default {@code $KAIZEN_BENCH_GATEWAY_URL} or
 * http://localhost:8080; {@code none} skips the gateway), {@code direct} ({@code $KAIZEN_BENCH_ANALYSIS_URL} or
 * http://localhost:8083), {@code auth} ({@code $KAIZEN_BENCH_AUTH_URL} or http://localhost:8081: used to register the
 * bench user when there is no gateway), {@code redis} ({@code $KAIZEN_BENCH_REDIS_URI} or redis://localhost:6379: to
 * evict cached analyses and facts before each cold run), {@code manifest} (devnet/manifest.json), {@code network}
 * (devnet), {@code concurrency} (32), {@code duration} (15s per target), {@code warmup} (60s: each target is loaded
 * at least that long before any measurement, in 15 s windows whose throughput is printed, and on until two windows in a
 * row agree within 5 %: on two cores under this load the gateway's JIT takes minutes to reach steady state),
 * {@code warmup-max} (5m: the longest warm-up per target), {@code rounds} (4: each target's duration is measured in
 * that many slices, alternating gateway and
 * direct, so load from other processes on the machine weighs on both alike), {@code token} (manifest key of the cached
 * token, clean_renounced_burned).
 *
 * <p>The user is registered fresh (tier free): run the gateway with its limits raised for the bench, e.g.
 * {@code KAIZEN_RATE_LIMIT_FREE=100000000}, or every request past the limit is a 429 (counted and reported).
 */
public final class AnalysisBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Settings(String gateway, String direct, String auth, String redis, Path manifest, String network,
                            int concurrency, Duration duration, Duration warmup, Duration warmupMax, int rounds,
                            String token) {
    }

    private record Result(String target, long requests, long failures, double seconds, long p50Micros,
                          long p99Micros, long maxMicros, Map<Integer, Long> statuses) {

        double perSecond() {
            return requests / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Settings settings = settings(args);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        boolean viaGateway = !settings.gateway().equalsIgnoreCase("none");
        String bearer = register(http, viaGateway ? settings.gateway() : settings.auth());
        JsonNode manifest = JSON.readTree(Files.readAllBytes(settings.manifest()));
        List<JsonNode> tokens = new ArrayList<>(manifest.path("tokens").values());
        JsonNode cachedToken = tokens.stream().filter(t -> t.path("key").asString().equals(settings.token()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no token " + settings.token()));
        String body = JSON.writeValueAsString(Map.of("contractAddress", cachedToken.path("address").asString(),
                "network", settings.network(), "depth", "standard"));

        System.out.printf(Locale.ROOT,
                "Kaizen analysis bench: %s, concurrency %d, %s per target in %d alternating slices"
                        + " (every target warmed up first: at least %s, until its throughput settles, at most %s)%n",
                settings.network(), settings.concurrency(), settings.duration(), settings.rounds(), settings.warmup(),
                settings.warmupMax());
        System.out.printf(Locale.ROOT, "gateway %s, analysis-service %s, cached token %s (%s)%n%n",
                viaGateway ? settings.gateway() : "(skipped)", settings.direct(), cachedToken.path("symbol").asString(),
                cachedToken.path("address").asString());

        // Fill the cache once (a miss), then measure hits only.
        HttpResponse<String> first = post(http, settings.direct(), body, bearer);
        if (first.statusCode() != 200) {
            throw new IllegalStateException("the first analysis failed: HTTP " + first.statusCode() + " " + first.body());
        }
        // Warm every target before measuring any: the gateway path runs analysis-service too, which would otherwise
        // still be compiling (JIT) while the gateway is measured and be fully warm when it is measured directly.
        if (viaGateway) {
            warm(http, "gateway", settings.gateway(), body, bearer, settings);
        }
        warm(http, "direct", settings.direct(), body, bearer, settings);
        System.out.println();
        Duration slice = settings.duration().dividedBy(settings.rounds());
        List<Run> gatewayRuns = new ArrayList<>();
        List<Run> directRuns = new ArrayList<>();
        for (int round = 0; round < settings.rounds(); round++) {
            if (viaGateway) {
                gatewayRuns.add(run(http, settings.gateway(), body, bearer, settings.concurrency(), slice));
            }
            directRuns.add(run(http, settings.direct(), body, bearer, settings.concurrency(), slice));
        }
        List<Result> results = new ArrayList<>();
        if (viaGateway) {
            results.add(Run.merge(gatewayRuns).named("gateway"));
        }
        results.add(Run.merge(directRuns).named("direct"));

        System.out.println("Cached standard analysis (POST /api/analysis/analyze, X-Kaizen-Cache: hit)");
        System.out.printf(Locale.ROOT, "%-8s %10s %10s %10s %10s %10s %10s  %s%n", "target", "requests", "req/s",
                "p50 ms", "p99 ms", "max ms", "failures", "statuses");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-8s %10d %10.0f %10.2f %10.2f %10.2f %10d  %s%n", r.target(), r.requests(),
                    r.perSecond(), r.p50Micros() / 1000.0, r.p99Micros() / 1000.0, r.maxMicros() / 1000.0, r.failures(),
                    r.statuses());
        }
        if (viaGateway) {
            double ratio = results.get(0).perSecond() / results.get(1).perSecond();
            System.out.printf(Locale.ROOT, "gateway/direct throughput: %.0f %%%n", ratio * 100);
        }

        System.out.println();
        String coldTarget = viaGateway ? settings.gateway() : settings.direct();
        System.out.println("Cold standard analysis per zoo token (analysis and facts caches evicted first), via "
                + (viaGateway ? "the gateway" : "analysis-service directly"));
        System.out.printf(Locale.ROOT, "%-9s %-44s %8s %6s %-15s %-15s%n", "symbol", "address", "ms", "score",
                "risk level", "manifest");
        List<Long> times = new ArrayList<>();
        RedisClient redis = RedisClient.create(settings.redis());
        try (StatefulRedisConnection<String, String> connection = redis.connect()) {
            for (JsonNode token : tokens) {
                String address = token.path("address").asString();
                connection.sync().del("analysis:" + settings.network() + ":" + address,
                        "facts:" + settings.network() + ":" + address.toLowerCase(Locale.ROOT) + ":standard");
                String request = JSON.writeValueAsString(Map.of("contractAddress", address, "network",
                        settings.network(), "depth", "standard"));
                long start = System.nanoTime();
                HttpResponse<String> response = post(http, coldTarget, request, bearer);
                long millis = (System.nanoTime() - start) / 1_000_000;
                times.add(millis);
                String score = "-";
                String level = "HTTP " + response.statusCode();
                if (response.statusCode() == 200) {
                    JsonNode answer = JSON.readTree(response.body());
                    score = Integer.toString(answer.path("kaizenScore").asInt());
                    level = answer.path("riskLevel").asString();
                }
                System.out.printf(Locale.ROOT, "%-9s %-44s %8d %6s %-15s %-15s%n", token.path("symbol").asString(),
                        address, millis, score, level, token.path("expectedRisk").asString());
            }
        } finally {
            redis.shutdown();
        }
        long[] sorted = times.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "cold standard: median %d ms, max %d ms over %d tokens%n",
                sorted[sorted.length / 2], sorted[sorted.length - 1], sorted.length);
    }

    private record Run(long requests, long failures, double seconds, long[] latencies, Map<Integer, Long> statuses) {

        /** Slices of one target's measurement as one: counts and times add up, latencies are pooled. */
        static Run merge(List<Run> slices) {
            Map<Integer, Long> statuses = new HashMap<>();
            for (Run slice : slices) {
                slice.statuses().forEach((status, count) -> statuses.merge(status, count, Long::sum));
            }
            return new Run(slices.stream().mapToLong(Run::requests).sum(),
                    slices.stream().mapToLong(Run::failures).sum(),
                    slices.stream().mapToDouble(Run::seconds).sum(),
                    slices.stream().flatMapToLong(slice -> Arrays.stream(slice.latencies())).toArray(), statuses);
        }

        Result named(String name) {
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            return new Result(name, requests, failures, seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1], statuses);
        }
    }

    /** Loads a target in windows until its throughput settles (see the class comment), printing each window's. */
    private static void warm(HttpClient http, String name, String base, String body, String bearer, Settings settings)
            throws Exception {
        Duration window = Duration.ofSeconds(15);
        System.out.printf(Locale.ROOT, "warm-up %-8s req/s per %ds:", name, window.toSeconds());
        Duration elapsed = Duration.ZERO;
        double previous = -1;
        while (true) {
            Run load = run(http, base, body, bearer, settings.concurrency(), window);
            double rate = load.requests() / load.seconds();
            elapsed = elapsed.plus(window);
            System.out.printf(Locale.ROOT, " %.0f", rate);
            System.out.flush();
            boolean settled = previous > 0 && Math.abs(rate - previous) <= 0.05 * Math.max(rate, previous);
            if (elapsed.compareTo(settings.warmup()) >= 0 && settled) {
                System.out.printf(Locale.ROOT, " (settled after %ds)%n", elapsed.toSeconds());
                return;
            }
            if (elapsed.compareTo(settings.warmupMax()) >= 0) {
                System.out.printf(Locale.ROOT, " (not settled after %ds)%n", elapsed.toSeconds());
                return;
            }
            previous = rate;
        }
    }

    private static Run run(HttpClient http, String base, String body, String bearer, int concurrency,
                           Duration duration) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/analysis/analyze"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        List<Future<Worker>> workers = new ArrayList<>();
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    Worker worker = new Worker();
                    while (running.get()) {
                        long sent = System.nanoTime();
                        int status;
                        try {
                            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                            status = response.statusCode();
                        } catch (IOException e) {
                            status = -1;
                        }
                        worker.record((System.nanoTime() - sent) / 1000, status);
                    }
                    return worker;
                }));
            }
            Thread.sleep(duration.toMillis());
            running.set(false);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = 0;
        long failures = 0;
        Map<Integer, Long> statuses = new HashMap<>();
        List<long[]> all = new ArrayList<>();
        for (Future<Worker> future : workers) {
            Worker worker = future.get();
            requests += worker.count;
            failures += worker.failures;
            worker.statuses.forEach((status, count) -> statuses.merge(status, count, Long::sum));
            all.add(Arrays.copyOf(worker.latencies, worker.count));
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Run(requests, failures, seconds, latencies, statuses);
    }

    /** One client's latencies (µs) and statuses. */
    private static final class Worker {
        long[] latencies = new long[1 << 16];
        int count;
        long failures;
        final Map<Integer, Long> statuses = new HashMap<>();

        void record(long micros, int status) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, count * 2);
            }
            latencies[count++] = micros;
            statuses.merge(status, 1L, Long::sum);
            if (status != 200) {
                failures++;
            }
        }
    }

    private static long percentile(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static String register(HttpClient http, String base) throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID() + "@bench.kaizen.local";
        String body = JSON.writeValueAsString(Map.of("email", email, "password", "Bench-" + UUID.randomUUID()));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/register"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("registering the bench user at " + base + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    private static HttpResponse<String> post(HttpClient http, String base, String body, String bearer)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/api/analysis/analyze"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Settings settings(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return new Settings(
                option(given, "gateway", "KAIZEN_BENCH_GATEWAY_URL", "http://localhost:8080"),
                option(given, "direct", "KAIZEN_BENCH_ANALYSIS_URL", "http://localhost:8083"),
                option(given, "auth", "KAIZEN_BENCH_AUTH_URL", "http://localhost:8081"),
                option(given, "redis", "KAIZEN_BENCH_REDIS_URI", "redis://localhost:6379"),
                Path.of(option(given, "manifest", "KAIZEN_BENCH_MANIFEST", "devnet/manifest.json")),
                given.getOrDefault("network", "devnet"),
                Integer.parseInt(given.getOrDefault("concurrency", "32")),
                duration(given.getOrDefault("duration", "15s")),
                duration(given.getOrDefault("warmup", "60s")),
                duration(given.getOrDefault("warmup-max", "5m")),
                Math.max(1, Integer.parseInt(given.getOrDefault("rounds", "4"))),
                given.getOrDefault("token", "clean_renounced_burned"));
    }

    private static String option(Map<String, String> given, String name, String env, String fallback) {
        String value = given.get(name);
        if (value == null) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value.replaceAll("/+$", "");
    }

    private static Duration duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        if (trimmed.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(trimmed.substring(0, trimmed.length() - 2)));
        }
        if (trimmed.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
        }
        if (trimmed.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(trimmed.substring(0, trimmed.length() - 1)));
        }
        return Duration.parse(text);
    }

    private AnalysisBench() {
    }
}
