package ai.kaizen.analysis.analyze;

import java.time.Clock;

import ai.kaizen.analysis.scoring.ScoringEngine;
import ai.kaizen.analysis.store.AnalysisStore;
import ai.kaizen.analysis.upstream.DataServiceClient;
import ai.kaizen.analysis.upstream.IntelClient;
import ai.kaizen.analysis.upstream.SocialClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

    @Bean
    Networks networks(AnalysisProperties properties) {
        return new Networks(properties);
    }

    @Bean
    AnalysisCache analysisCache(StringRedisTemplate redis, JsonMapper json, AnalysisProperties properties, Clock clock,
                                ObjectProvider<MeterRegistry> meters) {
        return new AnalysisCache(redis, json, properties.cache(), clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    AnalysisService analysisService(DataServiceClient data, IntelClient intel, SocialClient social, ScoringEngine engine,
                                    AnalysisCache cache, AnalysisStore store, JsonMapper json, Clock clock,
                                    ObjectProvider<MeterRegistry> meters) {
        return new AnalysisService(data, intel, social, engine, cache, store, json, clock,
                meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
