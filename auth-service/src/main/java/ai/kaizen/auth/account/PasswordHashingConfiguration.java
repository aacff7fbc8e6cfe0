package ai.kaizen.auth.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordHashingConfiguration {

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;

    /** Argon2id (Spring Security's encoder always uses the id variant). */
    @Bean
    PasswordEncoder passwordEncoder(PasswordHashingProperties p) {
        return new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, p.parallelism(), p.memoryKib(), p.iterations());
    }
}
