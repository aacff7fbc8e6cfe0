package ai.kaizen.analysis.security;

import java.time.Clock;
import java.time.Duration;

import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.common.security.KaizenSecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** common-lib's token validation, with verified tokens remembered for {@code kaizen.analysis.token-cache-ttl}. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    JwtDecoder kaizenJwtDecoder(KaizenSecurityProperties properties,
                                @Value("${kaizen.analysis.token-cache-ttl:60s}") Duration remember) {
        // Token times are checked against the real clock, as the validators of the full decoder do.
        return new CachingJwtDecoder(KaizenJwt.servletDecoder(properties), Clock.systemUTC(), remember, 10_000);
    }
}
