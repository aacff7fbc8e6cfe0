package ai.kaizen.analysis.store;

import java.time.Duration;

import ai.kaizen.common.messaging.Outbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean
    ProjectStatsRefresher projectStatsRefresher(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                @Value("${kaizen.analysis.stats.refresh-interval:60s}") Duration interval) {
        return new ProjectStatsRefresher(jdbc, transactions, interval);
    }

    @Bean
    AnalysisStore analysisStore(JdbcTemplate jdbc, PlatformTransactionManager transactions, Outbox outbox,
                                ProjectStatsRefresher stats) {
        return new AnalysisStore(jdbc, transactions, outbox, stats);
    }
}
