package ai.kaizen.auth.account;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ai.kaizen.auth.AuthIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordHashingTests extends AuthIntegrationTest {

    private static final Pattern ARGON2 = Pattern.compile("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$[^$]+\\$[^$]+$");

    @Autowired
    JdbcClient jdbc;

    @Test
    void storedHashesAreArgon2idAtOrAboveOwaspParameters() {
        String email = uniqueEmail("argon");
        register(email, PASSWORD);
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE email = :email")
                .param("email", email).query(String.class).single();

        Matcher m = ARGON2.matcher(hash);
        assertThat(m.matches()).as(hash).isTrue();
        assertThat(Integer.parseInt(m.group(1))).as("memory KiB").isGreaterThanOrEqualTo(19456);
        assertThat(Integer.parseInt(m.group(2))).as("iterations").isGreaterThanOrEqualTo(2);
        assertThat(Integer.parseInt(m.group(3))).as("parallelism").isGreaterThanOrEqualTo(1);
        assertThat(hash).doesNotContain(PASSWORD);
    }

    @Test
    void weakerParametersRefuseToStart() {
        assertThatThrownBy(() -> new PasswordHashingProperties(16384, 2, 1)).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new PasswordHashingProperties(19456, 1, 1)).hasMessageContaining("OWASP");
        assertThatThrownBy(() -> new PasswordHashingProperties(19456, 2, 0)).hasMessageContaining("OWASP");
    }

    @Test
    void hashesMadeWithWeakerParametersAreUpgradedAtTheNextLogin() {
        String email = uniqueEmail("upgrade");
        register(email, PASSWORD);
        String weak = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE email = :email")
                .param("hash", weak).param("email", email).update();

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        String upgraded = jdbc.sql("SELECT password_hash FROM users WHERE email = :email")
                .param("email", email).query(String.class).single();
        assertThat(upgraded).isNotEqualTo(weak).contains("m=19456,t=2,p=1");
    }
}
