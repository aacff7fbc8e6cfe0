package ai.kaizen.analysis.rescore;

import java.time.Clock;
import java.util.Optional;

import ai.kaizen.analysis.analyze.AnalysisProblem;
import ai.kaizen.analysis.analyze.AnalysisService;
import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.analysis.analyze.Networks;
import ai.kaizen.analysis.analyze.TokenId;
import ai.kaizen.analysis.store.AnalysisStore;
import ai.kaizen.common.events.TokenDataUpdated;
import ai.kaizen.common.events.WatchlistItemAdded;
import ai.kaizen.common.events.WatchlistItemRemoved;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.common.messaging.Queues;
import ai.kaizen.common.messaging.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The handlers of the re-scoring feature; each runs inside its consumer's transaction. */
final class Rescoring {

    private static final Logger log = LoggerFactory.getLogger(Rescoring.class);

    private final Networks networks;
    private final AnalysisStore analyses;
    private final WatchedTokens watched;
    private final AnalysisService service;
    private final Outbox outbox;
    private final Clock clock;
    private final java.time.Duration recentWindow;
    private final Depth depth;
    private final int maxDeliveries;

    Rescoring(Networks networks, AnalysisStore analyses, WatchedTokens watched, AnalysisService service, Outbox outbox,
              Clock clock, java.time.Duration recentWindow, Depth depth, int maxDeliveries) {
        this.networks = networks;
        this.analyses = analyses;
        this.watched = watched;
        this.service = service;
        this.outbox = outbox;
        this.clock = clock;
        this.recentWindow = recentWindow;
        this.depth = depth;
        this.maxDeliveries = maxDeliveries;
    }

    /** New data for a token: queue a re-score if someone watches it or it was analysed within the window. */
    void dataUpdated(ReceivedEvent<TokenDataUpdated> event) {
        TokenDataUpdated update = event.payload();
        Optional<TokenId> token = token(update.network(), update.contractAddress());
        if (token.isEmpty()) {
            return;
        }
        String network = token.get().network();
        String address = token.get().address();
        boolean isWatched = watched.watched(network, address);
        boolean recent = analyses.analyzedSince(network, address, clock.instant().minus(recentWindow));
        if (!isWatched && !recent) {
            log.debug("Data of {} changed, but nobody watches it or analysed it recently", token.get());
            return;
        }
        String reason = "data updated" + (update.changes().isEmpty() ? "" : ": " + String.join(", ", update.changes()))
                + (isWatched ? " (watched)" : " (analysed recently)");
        outbox.add(Queues.SCORING.key(), token.get().toString(), new RescoreRequested(network, address, depth.label(),
                reason));
    }

    /** Analyses the token again; an outage is retried with the queue's backoff, a refused request is dropped. */
    void rescore(ReceivedEvent<RescoreRequested> event) {
        RescoreRequested request = event.payload();
        Optional<TokenId> token = token(request.network(), request.contractAddress());
        if (token.isEmpty()) {
            return;
        }
        Depth target;
        try {
            target = Depth.parse(request.depth());
        } catch (IllegalArgumentException e) {
            target = depth;
        }
        try {
            AnalysisService.Answer answer = service.rescore(token.get(), target);
            log.info("Re-scored {} ({}): {} {}", token.get(), request.reason(), answer.summary().kaizenScore(),
                    answer.summary().riskLevel());
        } catch (AnalysisProblem e) {
            if (e.status() >= 500 && event.deliveries() < maxDeliveries) {
                throw e;
            }
            log.warn("Re-scoring {} gave up: {} {}", token.get(), e.title(), e.getMessage());
        }
    }

    void watchAdded(ReceivedEvent<WatchlistItemAdded> event) {
        WatchlistItemAdded item = event.payload();
        token(item.network(), item.contractAddress()).ifPresent(token -> watched.add(item.watchlistId(), item.userId(),
                token.network(), token.address(), item.addedAt()));
    }

    void watchRemoved(ReceivedEvent<WatchlistItemRemoved> event) {
        WatchlistItemRemoved item = event.payload();
        token(item.network(), item.contractAddress()).ifPresent(token -> watched.remove(item.watchlistId(),
                token.network(), token.address()));
    }

    private Optional<TokenId> token(String network, String address) {
        try {
            return Optional.of(networks.token(network, address));
        } catch (AnalysisProblem e) {
            log.warn("Ignoring an event about {}:{}: {}", network, address, e.getMessage());
            return Optional.empty();
        }
    }
}
