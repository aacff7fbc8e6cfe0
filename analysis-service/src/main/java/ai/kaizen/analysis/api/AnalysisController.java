package ai.kaizen.analysis.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ai.kaizen.analysis.analyze.AnalysisCache;
import ai.kaizen.analysis.analyze.AnalysisProblem;
import ai.kaizen.analysis.analyze.AnalysisProperties;
import ai.kaizen.analysis.analyze.AnalysisService;
import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.analysis.analyze.Networks;
import ai.kaizen.analysis.analyze.TokenId;
import ai.kaizen.analysis.jobs.Job;
import ai.kaizen.analysis.jobs.JobStore;
import ai.kaizen.analysis.store.AnalysisStore;
import ai.kaizen.analysis.upstream.Credential;
import ai.kaizen.common.address.EvmAddress;
import ai.kaizen.common.address.SolanaAddress;
import com.github.f4b6a3.uuid.UuidCreator;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/analysis")
class AnalysisController {

    static final String CACHE_HEADER = "X-Kaizen-Cache";

    private final AnalysisService analyses;
    private final AnalysisService.ComprehensiveJobs comprehensiveJobs;
    private final AnalysisCache cache;
    private final AnalysisStore store;
    private final JobStore jobs;
    private final Networks networks;
    private final AnalysisProperties properties;
    private final JsonMapper json;

    AnalysisController(AnalysisService analyses, AnalysisService.ComprehensiveJobs comprehensiveJobs,
                       AnalysisCache cache, AnalysisStore store, JobStore jobs, Networks networks,
                       AnalysisProperties properties, JsonMapper json) {
        this.analyses = analyses;
        this.comprehensiveJobs = comprehensiveJobs;
        this.cache = cache;
        this.store = store;
        this.jobs = jobs;
        this.networks = networks;
        this.properties = properties;
        this.json = json;
    }

    /** {@code {contractAddress, network, depth?}} → the analysis (200), or its first part for comprehensive. */
    @PostMapping(path = "/analyze", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> analyze(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        Requested request = requested(body, "");
        AnalysisService.Answer answer;
        if (request.depth() == Depth.COMPREHENSIVE) {
            answer = analyses.startComprehensive(request.token(),
                    new AnalysisService.Caller(account(jwt, "a comprehensive analysis"), credential(jwt)),
                    comprehensiveJobs);
        } else {
            answer = analyses.analyze(request.token(), request.depth(),
                    new AnalysisService.Caller(userId(jwt), credential(jwt)), AnalysisService.Trigger.REQUEST, null);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(CACHE_HEADER, answer.cached() ? "hit" : "miss").body(answer.json());
    }

    /** The newest cached analysis of this address on any network; 404 when none is cached. */
    @GetMapping(path = "/cached/{address}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> cached(@PathVariable String address) {
        String text = address.trim();
        List<TokenId> candidates = new ArrayList<>();
        EvmAddress evm = EvmAddress.tryParse(text);
        SolanaAddress solana = evm == null ? SolanaAddress.tryParse(text) : null;
        if (evm == null && solana == null) {
            // Say exactly what is wrong (checksum or form), as for an analysis request.
            networks.canonical(networks.names().stream().filter(n -> !networks.isSolana(n)).findFirst()
                    .orElse("ethereum"), text);
            throw AnalysisProblem.badRequest("malformed-address", "Malformed address",
                    "not an EVM or Solana address: '" + text + "'");
        }
        for (String network : networks.names()) {
            if (networks.isSolana(network) && solana != null) {
                candidates.add(new TokenId(network, solana.toString()));
            } else if (!networks.isSolana(network) && evm != null) {
                candidates.add(new TokenId(network, evm.toChecksum()));
            }
        }
        return cache.latest(candidates)
                .map(hit -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(CACHE_HEADER, "hit")
                        .body(hit.json()))
                .orElseThrow(() -> AnalysisProblem.notFound("not-cached", "No cached analysis",
                        "no analysis of " + text + " is cached on any network (" + String.join(", ", networks.names())
                                + "); analyze it with POST /api/analysis/analyze"));
    }

    /** {@code {contracts: [≤ 10 requests]}} → 202 with one job per contract. */
    @PostMapping("/batch")
    ResponseEntity<BatchResponse> batch(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        UUID owner = account(jwt, "a batch");
        if (!body.isObject()) {
            throw AnalysisProblem.badRequest("invalid-batch", "Invalid batch", "the body must be a JSON object "
                    + "{\"contracts\": [{\"contractAddress\": ..., \"network\": ..., \"depth\": ...}]}");
        }
        JsonNode contracts = body.get("contracts");
        if (contracts == null || !contracts.isArray()) {
            throw AnalysisProblem.badRequest("invalid-batch", "Invalid batch", "'contracts' must be an array of "
                    + "analysis requests");
        }
        int max = properties.batch().maxContracts();
        if (contracts.isEmpty()) {
            throw AnalysisProblem.badRequest("empty-batch", "Empty batch", "'contracts' is empty; send 1 to " + max
                    + " analysis requests");
        }
        if (contracts.size() > max) {
            throw AnalysisProblem.badRequest("batch-too-large", "Batch too large", "a batch takes at most " + max
                    + " contracts; this one has " + contracts.size());
        }
        List<JobStore.Request> requests = new ArrayList<>();
        for (int i = 0; i < contracts.size(); i++) {
            Requested request = requested(contracts.get(i), "contracts[" + i + "].");
            requests.add(new JobStore.Request(request.token(), request.depth()));
        }
        UUID batchId = UuidCreator.getTimeOrderedEpoch();
        List<UUID> ids = jobs.queue(owner, batchId, Job.BATCH, requests);
        List<BatchResponse.Queued> results = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            JobStore.Request request = requests.get(i);
            results.add(new BatchResponse.Queued(request.token().address(), request.token().network(),
                    request.depth().label(), "queued", ids.get(i)));
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new BatchResponse("Batch analysis queued", batchId,
                results));
    }

    /** A job and, once completed, its analysis; another user's job (or an unknown id) is 404. */
    @GetMapping("/jobs/{id}")
    JobView job(@PathVariable String id, @AuthenticationPrincipal Jwt jwt) {
        UUID owner = account(jwt, "a job");
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw jobNotFound(id);
        }
        Job job = jobs.find(jobId, owner).orElseThrow(() -> jobNotFound(id));
        JsonNode result = null;
        if (job.analysisId() != null) {
            result = store.fullAnalysis(job.analysisId()).map(json::readTree).orElse(null);
        }
        return new JobView(job.id(), job.kind(), job.status(), job.contractAddress(), job.network(), job.depth(),
                job.batchId(), job.attempts(), job.createdAt(), job.updatedAt(), job.completedAt(), job.error(),
                job.analysisId(), result);
    }

    /** The token's score series (oldest first, the latest {@code limit} points) and its project statistics. */
    @GetMapping("/{network}/{address}/history")
    HistoryResponse history(@PathVariable String network, @PathVariable String address,
                            @RequestParam(defaultValue = "100") String limit) {
        TokenId token = networks.token(network, address);
        int points;
        try {
            points = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            points = -1;
        }
        if (points < 1 || points > 1000) {
            throw AnalysisProblem.badRequest("invalid-limit", "Invalid limit", "limit must be a whole number from 1 "
                    + "to 1000, not '" + (limit.length() > 16 ? limit.substring(0, 16) + "…" : limit) + "'");
        }
        List<HistoryResponse.Point> series = store.history(token.network(), token.address(), points).stream()
                .map(p -> new HistoryResponse.Point(p.time(), p.kaizenScore(), p.riskLevel(),
                        new HistoryResponse.Breakdown(p.technical(), p.economic(), p.social(), p.governance()),
                        p.analysisId()))
                .toList();
        HistoryResponse.Stats stats = store.stats(token.network(), token.address())
                .map(s -> new HistoryResponse.Stats(s.analysisCount(), s.averageScore(), s.lastAnalysis(),
                        s.uniqueAnalyzers()))
                .orElse(null);
        return new HistoryResponse(token.address(), token.network(), series, stats);
    }

    private Requested requested(@Nullable JsonNode body, String where) {
        if (body == null || !body.isObject()) {
            throw AnalysisProblem.badRequest("invalid-request", "Invalid analysis request", where.isEmpty()
                    ? "the body must be a JSON object {\"contractAddress\": ..., \"network\": ..., \"depth\": ...}"
                    : where.substring(0, where.length() - 1) + " must be an object {\"contractAddress\": ..., "
                    + "\"network\": ..., \"depth\": ...}");
        }
        String address = text(body, "contractAddress", where, true);
        String network = text(body, "network", where, true);
        String depthText = text(body, "depth", where, false);
        Depth depth;
        try {
            depth = depthText == null ? Depth.STANDARD : Depth.parse(depthText);
        } catch (IllegalArgumentException e) {
            throw AnalysisProblem.badRequest("invalid-depth", "Invalid depth", where + e.getMessage());
        }
        try {
            return new Requested(networks.token(network, address), depth);
        } catch (AnalysisProblem e) {
            throw where.isEmpty() ? e : AnalysisProblem.badRequest(e.slug(), e.title(), where + e.getMessage());
        }
    }

    private static @Nullable String text(JsonNode body, String field, String where, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw AnalysisProblem.badRequest("missing-field", "Missing field", where + field + " is required");
            }
            return null;
        }
        if (!value.isString() || value.asString().isBlank()) {
            throw AnalysisProblem.badRequest("invalid-field", "Invalid field", where + field
                    + " must be a non-empty string");
        }
        return value.asString();
    }

    private record Requested(TokenId token, Depth depth) {
    }

    private static Credential credential(Jwt jwt) {
        return Credential.user(jwt.getTokenValue());
    }

    private static @Nullable UUID userId(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    /** The account id of the caller, for what belongs to an account. */
    private static UUID account(Jwt jwt, String what) {
        UUID id = userId(jwt);
        if (id == null) {
            throw new AnalysisProblem(HttpStatus.FORBIDDEN.value(), "not-an-account", "Not an account",
                    what + " belongs to a Kaizen account, and this token's subject is not an account id", null);
        }
        return id;
    }

    private static AnalysisProblem jobNotFound(String id) {
        return AnalysisProblem.notFound("job-not-found", "Job not found", "no job '"
                + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "' belongs to you");
    }

    /** The answer of a batch. */
    record BatchResponse(String message, UUID batchId, List<Queued> results) {

        record Queued(String contractAddress, String network, String depth, String status, UUID jobId) {
        }
    }

    /** A job as its owner sees it. */
    record JobView(UUID jobId, String kind, String status, String contractAddress, String network, String depth,
                   @Nullable UUID batchId, int attempts, Instant createdAt, Instant updatedAt,
                   @Nullable Instant completedAt, @Nullable String error, @Nullable UUID analysisId,
                   @Nullable JsonNode result) {
    }

    /** A token's score series. */
    record HistoryResponse(String contractAddress, String network, List<Point> points, @Nullable Stats stats) {

        record Point(Instant time, int kaizenScore, String riskLevel, Breakdown breakdown, @Nullable UUID analysisId) {
        }

        record Breakdown(int technical, int economic, int social, int governance) {
        }

        /** From the project_stats view, as of its last refresh. */
        record Stats(long analysisCount, @Nullable Double averageScore, @Nullable Instant lastAnalysis,
                     long uniqueAnalyzers) {
        }
    }
}
