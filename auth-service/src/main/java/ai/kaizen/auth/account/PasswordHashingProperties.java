package ai.kaizen.auth.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Argon2id cost. The defaults are OWASP's minimum (19 MiB, t=2, p=1); lower values are refused
 * at startup, higher ones are welcome (existing hashes are upgraded at the next login).
 */
@ConfigurationProperties("kaizen.auth.password.argon2")
public record PasswordHashingProperties(
        @DefaultValue("19456") int memoryKib,
        @DefaultValue("2") int iterations,
        @DefaultValue("1") int parallelism) {

    public static final int MIN_MEMORY_KIB = 19 * 1024;
    public static final int MIN_ITERATIONS = 2;

    public PasswordHashingProperties {
        if (memoryKib < MIN_MEMORY_KIB || iterations < MIN_ITERATIONS || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum (memory >= "
                    + MIN_MEMORY_KIB + " KiB, iterations >= " + MIN_ITERATIONS + ", parallelism >= 1): m="
                    + memoryKib + " t=" + iterations + " p=" + parallelism);
        }
    }
}
