package ai.kaizen.common.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.client.RestTemplate;

/** The token rules every Kaizen service applies the same way, servlet or reactive. */
public final class KaizenJwt {

    /** Claim holding the account's roles, e.g. {@code ["USER"]}. */
    public static final String ROLES_CLAIM = "roles";
    /** Claim holding the subscription tier ({@code free}, {@code pro}, …), used for rate limits. */
    public static final String TIER_CLAIM = "tier";

    private KaizenJwt() {
    }

    /** Signature algorithms accepted: asymmetric only, so a leaked verifier can never mint tokens. */
    public static final SignatureAlgorithm[] ALGORITHMS = {SignatureAlgorithm.ES256, SignatureAlgorithm.RS256};

    public static OAuth2TokenValidator<Jwt> validator(KaizenSecurityProperties properties) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>("aud",
                aud -> aud != null && aud.contains(properties.audience()));
        OAuth2TokenValidator<Jwt> subject = token -> token.getSubject() == null || token.getSubject().isBlank()
                ? OAuth2TokenValidatorResult.failure(new org.springframework.security.oauth2.core.OAuth2Error(
                        "invalid_token", "The token has no subject", null))
                : OAuth2TokenValidatorResult.success();
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience, subject);
    }

    public static NimbusJwtDecoder servletDecoder(KaizenSecurityProperties properties) {
        // Bounded JWKS fetches: a slow auth-service must not hold request threads indefinitely.
        SimpleClientHttpRequestFactory http = new SimpleClientHttpRequestFactory();
        http.setConnectTimeout(Duration.ofSeconds(5));
        http.setReadTimeout(Duration.ofSeconds(15));
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithms(algs -> algs.addAll(List.of(ALGORITHMS)))
                .restOperations(new RestTemplate(http))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    public static NimbusReactiveJwtDecoder reactiveDecoder(KaizenSecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                .jwsAlgorithms(algs -> algs.addAll(List.of(ALGORITHMS)))
                .build();
        decoder.setJwtValidator(validator(properties));
        return decoder;
    }

    /** Maps the {@code roles} claim to {@code ROLE_*} authorities. */
    public static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        if (roles == null) {
            return List.of();
        }
        return roles.stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    public static JwtAuthenticationConverter authenticationConverter() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(KaizenJwt::authorities);
        return converter;
    }
}
