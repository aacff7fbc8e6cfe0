package ai.kaizen.auth.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the configured signing key, generates an ephemeral one where allowed, and refuses to start otherwise. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

    @Bean
    SigningKey signingKey(SigningKeyProperties properties) {
        if (properties.hasPrivateKey()) {
            SigningKey key = SigningKey.parse(properties.privateKey(), properties.keyIdOrNull());
            log.info("Signing access tokens with the configured ES256 key kid={}", key.keyId());
            return key;
        }
        if (properties.generateEphemeral()) {
            SigningKey key = SigningKey.generate(properties.keyIdOrNull());
            log.warn("Generated an EPHEMERAL ES256 signing key kid={} because no key is configured and "
                    + "kaizen.auth.keys.generate-ephemeral=true (dev profile). Tokens it signs stop verifying when "
                    + "this process restarts; never run like this outside local development.", key.keyId());
            return key;
        }
        throw new MissingSigningKeyException();
    }
}
