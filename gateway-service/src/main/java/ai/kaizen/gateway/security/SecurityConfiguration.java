package ai.kaizen.gateway.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.common.security.KaizenSecurityProperties;
import ai.kaizen.gateway.web.GatewayProblems;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import reactor.core.publisher.Mono;

/**
 * The gateway is a stateless JWT resource server: every request needs a valid access token signed
 * by auth-service (ES256/RS256 against its JWKS, issuer and audience checked) except the paths that
 * must work before one exists. The token is forwarded unchanged; each service validates it again. A token that
 * passed is remembered for at most a minute and never past its expiry ({@link CachingReactiveJwtDecoder}).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(KaizenSecurityProperties.class)
class SecurityConfiguration {

    /** Reachable without a token, any method. */
    static final List<String> PUBLIC_PATHS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**");
    /** Reachable without a token with POST: the calls that obtain or drop one. */
    static final List<String> PUBLIC_POSTS = List.of(
            "/api/auth/register", "/api/auth/login", "/api/auth/refresh", "/api/auth/logout");
    /** Reachable without a token with GET: the signing keys. */
    static final List<String> PUBLIC_GETS = List.of("/.well-known/jwks.json");

    @Bean
    ReactiveJwtDecoder kaizenReactiveJwtDecoder(KaizenSecurityProperties properties, JwtCacheProperties cache) {
        return new CachingReactiveJwtDecoder(KaizenJwt.reactiveDecoder(properties), Clock.systemUTC(),
                cache.remember(), cache.maxTokens());
    }

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                           KaizenSecurityProperties properties) {
        List<String> open = new ArrayList<>(PUBLIC_PATHS);
        open.addAll(properties.publicPathsOrEmpty());
        ServerAuthenticationEntryPoint entryPoint = (exchange, failure) -> Mono.error(
                failure instanceof InvalidBearerTokenException
                        ? GatewayProblems.unauthorized("The bearer token is invalid or expired.",
                                "Bearer error=\"invalid_token\"")
                        : GatewayProblems.unauthorized("A valid bearer token or API key is required.", "Bearer"));
        ServerAccessDeniedHandler denied = (exchange, failure) -> Mono.error(
                GatewayProblems.of(HttpStatus.FORBIDDEN, "This token does not allow that operation."));
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .cors(ServerHttpSecurity.CorsSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // SecurityHeadersFilter writes the headers on every response, HSTS included.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.POST, PUBLIC_POSTS.toArray(String[]::new)).permitAll()
                        .pathMatchers(HttpMethod.GET, PUBLIC_GETS.toArray(String[]::new)).permitAll()
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerTokenConverter())
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(
                                new ReactiveJwtAuthenticationConverterAdapter(KaizenJwt.authenticationConverter())))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(denied))
                .build();
    }
}
