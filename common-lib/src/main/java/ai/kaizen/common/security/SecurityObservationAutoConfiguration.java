package ai.kaizen.common.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * No Spring Security observations in any service (servlet or reactive) unless {@code KAIZEN_SECURITY_OBSERVATIONS}
 * is true: they time every security filter and every authentication and authorization decision of every request
 * (a sixth of a cached analysis's CPU in analysis-service when profiled) and only repeat what
 * {@code http.server.requests} already measures.
 */
@AutoConfiguration
@ConditionalOnClass(SecurityObservationSettings.class)
@ConditionalOnProperty(name = "kaizen.security.observations", havingValue = "false", matchIfMissing = true)
public class SecurityObservationAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings kaizenSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
