package ai.kaizen.auth.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import ai.kaizen.auth.account.Account;
import ai.kaizen.auth.keys.SigningKey;
import ai.kaizen.common.security.KaizenJwt;
import ai.kaizen.common.security.KaizenSecurityProperties;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/** Signs ES256 access tokens with the claims every Kaizen service relies on. */
@Component
public class AccessTokens {

    /** Claim with the account's e-mail address. */
    public static final String EMAIL_CLAIM = "email";
    /** Claim naming the API key a token was exchanged for; absent on password-login tokens. */
    public static final String API_KEY_CLAIM = "api_key_id";

    private final NimbusJwtEncoder encoder;
    private final SigningKey signingKey;
    private final KaizenSecurityProperties security;
    private final TokenProperties properties;
    private final Clock clock;

    AccessTokens(SigningKey signingKey, KaizenSecurityProperties security, TokenProperties properties, Clock clock) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey.privateJwk())));
        this.signingKey = signingKey;
        this.security = security;
        this.properties = properties;
        this.clock = clock;
    }

    public AccessToken issue(Account account) {
        return issue(account, null);
    }

    public AccessToken issue(Account account, @Nullable UUID apiKeyId) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.accessTokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(security.issuer())
                .audience(List.of(security.audience()))
                .subject(account.id().toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .id(UUID.randomUUID().toString())
                .claim(KaizenJwt.ROLES_CLAIM, account.roles())
                .claim(KaizenJwt.TIER_CLAIM, account.tier())
                .claim(EMAIL_CLAIM, account.email());
        if (apiKeyId != null) {
            claims.claim(API_KEY_CLAIM, apiKeyId.toString());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.ES256).keyId(signingKey.keyId()).type("JWT").build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new AccessToken(value, properties.accessTokenTtl().toSeconds());
    }
}
