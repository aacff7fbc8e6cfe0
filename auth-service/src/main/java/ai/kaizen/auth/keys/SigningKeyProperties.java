package ai.kaizen.auth.keys;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key auth-service signs access tokens with.
 *
 * @param privateKey        an EC P-256 private key: PEM (PKCS#8 {@code BEGIN PRIVATE KEY} or SEC1
 *                          {@code BEGIN EC PRIVATE KEY}) or a private JWK in JSON ({@code KAIZEN_JWT_PRIVATE_KEY})
 * @param keyId             the {@code kid} to publish; the key's RFC 7638 thumbprint when empty ({@code KAIZEN_JWT_KEY_ID})
 * @param generateEphemeral when no key is configured, generate one at startup instead of refusing to start;
 *                          only the {@code dev} profile turns this on
 */
@ConfigurationProperties("kaizen.auth.keys")
public record SigningKeyProperties(
        @Nullable String privateKey,
        @Nullable String keyId,
        @DefaultValue("false") boolean generateEphemeral) {

    boolean hasPrivateKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    @Nullable String keyIdOrNull() {
        return keyId == null || keyId.isBlank() ? null : keyId.strip();
    }
}
