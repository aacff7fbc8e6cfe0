package ai.kaizen.common.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Kaizen service checks the access tokens that auth-service signs.
 *
 * @param jwkSetUri   where auth-service publishes its signing keys (JWKS)
 * @param issuer      the {@code iss} every token must carry
 * @param audience    the {@code aud} every token must include
 * @param publicPaths extra Ant-style paths reachable without a token (health, metrics and API docs always are)
 */
@ConfigurationProperties("kaizen.security")
public record KaizenSecurityProperties(
        @DefaultValue("http://localhost:8081/.well-known/jwks.json") String jwkSetUri,
        @DefaultValue("http://localhost:8081") String issuer,
        @DefaultValue("kaizen") String audience,
        @Nullable List<String> publicPaths) {

    public List<String> publicPathsOrEmpty() {
        return publicPaths == null ? List.of() : publicPaths;
    }
}
