package ai.kaizen.analysis.scoring;

import java.io.IOException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Binds {@code kaizen.scoring.*} to the rules and exposes the engine; the engine itself knows no Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScoringProperties.class)
class ScoringConfiguration {

    @Bean
    ScoringRules scoringRules(ScoringProperties properties) throws IOException {
        ScoringRules rules = properties.rules() == null ? ScoringRules.defaults()
                : ScoringRules.fromYaml(properties.rules().getInputStream());
        return rules.withTrustedTokens(properties.trustedTokens());
    }

    @Bean
    ScoringEngine scoringEngine(ScoringRules scoringRules) {
        return new ScoringEngine(scoringRules);
    }
}
