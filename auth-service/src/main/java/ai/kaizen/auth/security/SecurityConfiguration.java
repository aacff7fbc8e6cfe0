package ai.kaizen.auth.security;

import java.util.ArrayList;
import java.util.List;

import ai.kaizen.auth.keys.SigningKey;
import ai.kaizen.common.problem.ProblemResponses;
import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.common.security.KaizenSecurityProperties;
import ai.kaizen.common.security.ResourceServerAutoConfiguration;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * auth-service is a resource server like every other service, except that it verifies tokens
 * against its own public key directly instead of fetching its own JWKS over HTTP.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Reachable without a token: getting tokens, ending a session, and the public keys. */
    static final List<String> PUBLIC_POSTS = List.of(
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout",
            "/api/auth/api-keys/exchange");

    @Bean
    JwtDecoder jwtDecoder(SigningKey signingKey, KaizenSecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder
                .withJwkSource(new ImmutableJWKSet<>(signingKey.publicJwkSet()))
                .jwsAlgorithm(SignatureAlgorithm.ES256)
                .build();
        decoder.setJwtValidator(KaizenJwt.validator(properties));
        return decoder;
    }

    @Bean
    SecurityFilterChain authSecurityFilterChain(HttpSecurity http, KaizenSecurityProperties properties,
                                                JwtDecoder decoder) throws Exception {
        List<String> open = new ArrayList<>(ResourceServerAutoConfiguration.ALWAYS_PUBLIC);
        open.add("/.well-known/jwks.json");
        open.addAll(properties.publicPathsOrEmpty());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.POST, PUBLIC_POSTS.toArray(String[]::new)).permitAll()
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
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
}
