package ai.kaizen.common.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import ai.kaizen.common.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Makes every servlet service a JWT resource server: it validates each token itself against
 * auth-service's JWKS, issuer and audience, and answers 401/403 as ProblemDetail. Only probes,
 * metrics and the API document are public unless a service adds paths.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtDecoder.class})
@EnableConfigurationProperties(KaizenSecurityProperties.class)
public class ResourceServerAutoConfiguration {

    /** Paths every service exposes without a token. */
    public static final List<String> ALWAYS_PUBLIC = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder kaizenJwtDecoder(KaizenSecurityProperties properties) {
        return KaizenJwt.servletDecoder(properties);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain kaizenResourceServerChain(HttpSecurity http, KaizenSecurityProperties properties,
                                                  JwtDecoder decoder) throws Exception {
        List<String> open = new ArrayList<>(ALWAYS_PUBLIC);
        open.addAll(properties.publicPathsOrEmpty());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(ResourceServerAutoConfiguration::onTokenRejected);
                                return filter;
                            }
                        })
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(KaizenJwt.authenticationConverter()))
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required: " + ex.getMessage()))
                        .accessDeniedHandler((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.FORBIDDEN, "This token does not allow that operation.")))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> ProblemResponses.write(response,
                                HttpStatus.UNAUTHORIZED, "A valid bearer token is required.")));
        return http.build();
    }

    /**
     * A token that fails validation is a 401; keys that cannot be fetched (auth-service or its JWKS unreachable)
     * are our fault, not the caller's: 503, never a 500.
     */
    static void onTokenRejected(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        if (ex instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", "5");
            ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE,
                    "Access tokens cannot be verified right now (signing keys unavailable); try again shortly.");
        } else {
            ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "A valid bearer token is required: " + ex.getMessage());
        }
    }
}
