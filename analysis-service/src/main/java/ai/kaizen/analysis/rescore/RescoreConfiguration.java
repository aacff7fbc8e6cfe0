package ai.kaizen.analysis.rescore;

import java.time.Clock;

import ai.kaizen.analysis.analyze.AnalysisProperties;
import ai.kaizen.analysis.analyze.AnalysisService;
import ai.kaizen.analysis.analyze.Depth;
import ai.kaizen.analysis.analyze.Networks;
import ai.kaizen.analysis.store.AnalysisStore;
import ai.kaizen.common.events.DataEvents;
import ai.kaizen.common.events.TokenDataUpdated;
import ai.kaizen.common.events.WatchlistEvents;
import ai.kaizen.common.events.WatchlistItemAdded;
import ai.kaizen.common.events.WatchlistItemRemoved;
import ai.kaizen.common.messaging.EventSubscription;
import ai.kaizen.common.messaging.MessagingProperties;
import ai.kaizen.common.messaging.Outbox;
import ai.kaizen.common.messaging.Queues;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
class RescoreConfiguration {

    @Bean
    Rescoring rescoring(Networks networks, AnalysisStore analyses, JdbcTemplate jdbc, AnalysisService service,
                        Outbox outbox, Clock clock, AnalysisProperties properties, MessagingProperties messaging) {
        return new Rescoring(networks, analyses, new WatchedTokens(jdbc), service, outbox, clock,
                properties.rescore().recentWindow(), Depth.parse(properties.rescore().depth()),
                messaging.maxDeliveries());
    }

    @Bean
    EventSubscription<TokenDataUpdated> tokenDataUpdatedSubscription(Rescoring rescoring) {
        return EventSubscription.of(DataEvents.STREAM, TokenDataUpdated.class, rescoring::dataUpdated);
    }

    @Bean
    EventSubscription<RescoreRequested> rescoreSubscription(Rescoring rescoring) {
        return EventSubscription.of(Queues.SCORING, RescoreRequested.class, rescoring::rescore);
    }

    @Bean
    EventSubscription<WatchlistItemAdded> watchlistAddedSubscription(Rescoring rescoring) {
        return EventSubscription.of(WatchlistEvents.STREAM, WatchlistItemAdded.class, rescoring::watchAdded);
    }

    @Bean
    EventSubscription<WatchlistItemRemoved> watchlistRemovedSubscription(Rescoring rescoring) {
        return EventSubscription.of(WatchlistEvents.STREAM, WatchlistItemRemoved.class, rescoring::watchRemoved);
    }
}
