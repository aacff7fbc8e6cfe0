package ai.kaizen.analysis.analyze;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import ai.kaizen.analysis.facts.CheckCatalogue;
import ai.kaizen.analysis.facts.FactsMapping;
import ai.kaizen.analysis.facts.MappedFacts;
import ai.kaizen.analysis.facts.TokenFactsView;
import ai.kaizen.analysis.scoring.CoverageCheck;
import ai.kaizen.analysis.scoring.Finding;
import ai.kaizen.analysis.scoring.ScoreResult;
import ai.kaizen.analysis.scoring.ScoringEngine;
import ai.kaizen.analysis.scoring.ScoringInput;
import ai.kaizen.analysis.scoring.TokenRef;
import ai.kaizen.analysis.store.AnalysisStore;
import ai.kaizen.analysis.store.NewAnalysis;
import ai.kaizen.analysis.upstream.Credential;
import ai.kaizen.analysis.upstream.DataServiceClient;
import ai.kaizen.analysis.upstream.IntelClient;
import ai.kaizen.analysis.upstream.MissingServiceCredentialException;
import ai.kaizen.analysis.upstream.SocialClient;
import ai.kaizen.analysis.upstream.UpstreamRejectedException;
import ai.kaizen.analysis.upstream.UpstreamUnavailableException;
import com.github.f4b6a3.uuid.UuidCreator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs analyses. Quick and standard answer from the cache when it is fresh enough for their depth; otherwise one
 * computation per token and depth runs at a time (in this process through a single flight, across instances through
 * a Redis lock) and everyone asking meanwhile gets its result. Every computed analysis is stored, published and
 * cached before it is returned.
 */
public final class AnalysisService implements AutoCloseable {

    /** What started an analysis (stored with it and carried by its events). */
    public enum Trigger {
        REQUEST, BATCH, COMPREHENSIVE, RESCORE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Who asks and under whose authority other services are called.
     *
     * @param userId     the account (the JWT subject), null for re-scoring
     * @param credential the user's token for requests, the service's own for background work
     */
    public record Caller(@Nullable UUID userId, Credential credential) {
    }

    /**
     * An answer: the JSON as returned (and cached), what the service reads from it, and whether it came from the cache.
     */
    public record Answer(String json, AnalysisSummary summary, boolean cached) {
    }

    /** Queues the background part of a comprehensive analysis (the jobs feature implements it). */
    public interface ComprehensiveJobs {
        UUID enqueue(UUID owner, TokenId token);
    }

    /**
     * What one computation collects.
     *
     * @param depth      the depth reported
     * @param factsDepth the depth asked of data-service
     * @param offChain   whether intel-service and social-service are asked
     * @param partial    whether the on-chain comprehensive checks still run in the background
     */
    record Plan(Depth depth, Depth factsDepth, boolean offChain, boolean partial) {

        static Plan of(Depth depth) {
            return new Plan(depth, depth, depth == Depth.COMPREHENSIVE, false);
        }

        static Plan comprehensiveFirstAnswer() {
            return new Plan(Depth.COMPREHENSIVE, Depth.STANDARD, true, true);
        }
    }

    record Computed(AnalysisResponse response, ScoreResult score, TokenFactsView facts) {
    }

    private record FlightKey(TokenId token, Depth depth) {
    }

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);

    private final DataServiceClient data;
    private final IntelClient intel;
    private final SocialClient social;
    private final FactsMapping mapping;
    private final OffChainMapping offChain;
    private final ScoringEngine engine;
    private final AnalysisCache cache;
    private final AnalysisStore store;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SingleFlight<FlightKey, Answer> flights = new SingleFlight<>();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    public AnalysisService(DataServiceClient data, IntelClient intel, SocialClient social, ScoringEngine engine,
                           AnalysisCache cache, AnalysisStore store, JsonMapper json, Clock clock, MeterRegistry meters) {
        this.data = data;
        this.intel = intel;
        this.social = social;
        this.engine = engine;
        this.mapping = new FactsMapping(engine.rules());
        this.offChain = new OffChainMapping(engine.rules());
        this.cache = cache;
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * A quick or standard analysis from the cache when fresh enough, else computed once however many ask at the same
     * time; a comprehensive one (background jobs) always computed in full.
     */
    public Answer analyze(TokenId token, Depth depth, Caller caller, Trigger trigger, @Nullable UUID jobId) {
        if (depth == Depth.COMPREHENSIVE) {
            return computeAndStore(token, Plan.of(depth), caller, trigger, jobId);
        }
        var hit = cache.fresh(token, depth);
        if (hit.isPresent()) {
            return new Answer(hit.get().json(), hit.get().summary(), true);
        }
        return flights.run(new FlightKey(token, depth), () -> cache.fresh(token, depth)
                .map(h -> new Answer(h.json(), h.summary(), true))
                .orElseGet(() -> cache.computeOnce(token, depth,
                        () -> cache.fresh(token, depth).map(h -> new Answer(h.json(), h.summary(), true)),
                        () -> computeAndStore(token, Plan.of(depth), caller, trigger, jobId)))).value();
    }

    /**
     * The first answer of a comprehensive analysis: the standard on-chain facts plus intel and social, scored now;
     * the comprehensive on-chain checks run in a background job whose result is stored, cached and published as an
     * analysis_update event. This first answer is neither stored nor cached.
     */
    public Answer startComprehensive(TokenId token, Caller caller, ComprehensiveJobs jobs) {
        if (caller.userId() == null) {
            throw new IllegalArgumentException("a comprehensive analysis belongs to an account");
        }
        long start = System.nanoTime();
        Computed first = compute(token, Plan.comprehensiveFirstAnswer(), caller.credential(), null, start, null);
        UUID jobId = jobs.enqueue(caller.userId(), token);
        AnalysisResponse response = withJob(first.response(), jobId);
        return new Answer(write(response), summary(response), false);
    }

    /** Re-scores a token with fresh facts under the service's own credential (nobody waits for it). */
    public Answer rescore(TokenId token, Depth depth) {
        return computeAndStore(token, Plan.of(depth), new Caller(null, Credential.SERVICE), Trigger.RESCORE, null);
    }

    private Answer computeAndStore(TokenId token, Plan plan, Caller caller, Trigger trigger, @Nullable UUID jobId) {
        long start = System.nanoTime();
        UUID id = UuidCreator.getTimeOrderedEpoch();
        Computed computed = compute(token, plan, caller.credential(), id, start, jobId);
        AnalysisResponse response = computed.response();
        String answer = write(response);
        ScoreResult score = computed.score();
        TokenFactsView.Token metadata = computed.facts().token();
        try {
            store.save(new NewAnalysis(id, token.network(), token.address(),
                    metadata == null ? null : metadata.symbol(), metadata == null ? null : metadata.name(),
                    caller.userId(), score.kaizenScore(), score.riskLevel(), score.confidence(),
                    score.breakdown().technical(), score.breakdown().economic(), score.breakdown().social(),
                    score.breakdown().governance(), plan.depth().label(), response.metadata().processingTime(),
                    score.dataQuality(), answer, write(score.alerts()), write(score.findings()),
                    write(score.coverage()), response.metadata().analyzedAt(), trigger.label(), jobId));
        } catch (DataAccessException e) {
            log.error("Storing the analysis of {} failed", token, e);
            throw AnalysisProblem.unavailable("storage-unavailable", "Analysis could not be stored",
                    "the analysis was computed but could not be stored (database unavailable); try again shortly");
        }
        cache.put(token, answer);
        Timer.builder("kaizen.analysis.computed").tag("depth", plan.depth().label()).tag("trigger", trigger.label())
                .register(meters).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        return new Answer(answer, summary(response), false);
    }

    Computed compute(TokenId token, Plan plan, Credential credential, @Nullable UUID analysisId, long startNanos,
                     @Nullable UUID jobId) {
        CompletableFuture<SocialClient.Answer> socialAnswer = plan.offChain()
                ? CompletableFuture.supplyAsync(() -> social.summary(token.network(), token.address(), credential),
                background)
                : null;
        TokenFactsView facts = new TokenFactsView(facts(token, plan.factsDepth(), credential));
        MappedFacts mapped = mapping.map(facts);
        if (!mapped.unknownSignals().isEmpty()) {
            log.info("data-service reported signals this version does not map for {}: {}", token, mapped.unknownSignals());
        }
        List<Finding> findings = new ArrayList<>(mapped.findings());
        List<CoverageCheck> coverage = new ArrayList<>(mapped.coverage());
        Map<MappedFacts.FindingKey, String> sources = new HashMap<>();
        AnalysisResponse.SocialView socialView = AnalysisResponse.SocialView.NOT_COLLECTED;
        if (plan.offChain()) {
            TokenFactsView.Creator creator = facts.creator();
            OffChainMapping.Part intelPart = creator == null
                    ? OffChainMapping.intelSkipped("the deployer is unknown: data-service has no creation record")
                    : offChain.intel(intel.address(token.network(), creator.address(), credential));
            OffChainMapping.Part socialPart = offChain.social(socialAnswer.join());
            for (OffChainMapping.Part part : List.of(intelPart, socialPart)) {
                String source = part == intelPart ? "intel-service" : "social-service";
                for (Finding finding : part.findings()) {
                    findings.add(finding);
                    sources.put(MappedFacts.FindingKey.of(finding), source);
                }
                coverage.add(part.check());
            }
            socialView = socialPart.social();
        }
        List<String> pending = new ArrayList<>();
        if (plan.partial()) {
            CheckCatalogue.Definition rest = CheckCatalogue.COMPREHENSIVE_FACTS;
            coverage.add(CoverageCheck.skipped(rest.id(), rest.pillar(), "still running in the background; an "
                    + "analysis_update event and GET /api/analysis/jobs/{jobId} deliver the complete result", rest.weight()));
            pending.add(rest.id());
        }
        ScoreResult score = engine.score(new ScoringInput(new TokenRef(token.network(), token.address()), findings,
                coverage));
        Instant analyzedAt = clock.instant();
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        AnalysisResponse response = ResponseAssembler.build(analysisId, token, plan.depth(), score, facts,
                new ResponseAssembler.Origins(mapped.origins(), sources), socialView, analyzedAt, millis, pending,
                plan.partial() ? null : jobId);
        return new Computed(response, score, facts);
    }

    private JsonNode facts(TokenId token, Depth depth, Credential credential) {
        try {
            return data.facts(token.network(), token.address(), depth.label(), credential);
        } catch (UpstreamRejectedException e) {
            String title = e.title() == null ? "Token facts refused" : e.title();
            String slug = e.status() == 422 ? "no-contract-code"
                    : title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
            throw new AnalysisProblem(e.status(), slug.isEmpty() ? "facts-refused" : slug, title,
                    "data-service: " + e.getMessage(), null);
        } catch (UpstreamUnavailableException e) {
            throw AnalysisProblem.unavailable("data-service-unavailable", "Token facts unavailable",
                    e.getMessage() + "; a token cannot be scored without its on-chain facts");
        } catch (MissingServiceCredentialException e) {
            throw AnalysisProblem.unavailable("service-credential-missing", "Background analysis not configured",
                    e.getMessage());
        }
    }

    private static AnalysisResponse withJob(AnalysisResponse r, UUID jobId) {
        return new AnalysisResponse(r.analysisId(), r.contractAddress(), r.network(), r.depth(), r.kaizenScore(),
                r.riskLevel(), r.confidence(), r.breakdown(), r.alerts(), r.metadata(), r.token(), r.liquidity(),
                r.distribution(), r.social(), r.findings(), r.coverage(), r.caps(), r.explanation(), r.trustedAs(),
                r.status(), r.pending(), jobId);
    }

    static AnalysisSummary summary(AnalysisResponse r) {
        return new AnalysisSummary(r.analysisId(), r.contractAddress(), r.network(), r.depth(), r.kaizenScore(),
                r.riskLevel(), r.confidence(), r.breakdown(), new AnalysisSummary.Metadata(r.metadata().analyzedAt()),
                r.status());
    }

    /** Reads the summary of a stored or cached answer. */
    public AnalysisSummary summary(String answer) {
        return json.readValue(answer, AnalysisSummary.class);
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    @Override
    public void close() {
        background.close();
    }
}
