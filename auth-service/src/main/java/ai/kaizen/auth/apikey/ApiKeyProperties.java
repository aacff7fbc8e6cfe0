package ai.kaizen.auth.apikey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPerAccount active (unrevoked) keys one account may hold
 */
@ConfigurationProperties("kaizen.auth.api-keys")
public record ApiKeyProperties(@DefaultValue("25") int maxPerAccount) {
}
