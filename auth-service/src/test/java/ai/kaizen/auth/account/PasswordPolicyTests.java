package ai.kaizen.auth.account;

import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import ai.kaizen.auth.problem.AuthProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordPolicyTests extends AuthIntegrationTest {

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "short-Pass1,           password-too-short,        at least 12",
            "LOCAL-is-my-secret,    password-contains-email,   e-mail",
            "Password1234,          password-too-common,       commonly used",
            "qwertyuiop123,         password-too-common,       commonly used"})
    void registrationRejectsEachRuleWithAClearProblem(String password, String code, String detail) {
        String email = uniqueEmail("mailname");
        password = password.replace("LOCAL", email.substring(0, email.indexOf('@')).toUpperCase());
        Response response = post("/api/auth/register", Map.of("email", email, "password", password));
        assertProblem(response, 400);
        assertThat(response.text("code")).isEqualTo(code);
        assertThat(response.text("detail")).contains(detail);
        assertThat(login(email, password).status()).as("no account was created").isEqualTo(401);
    }

    @Test
    void tooLongPasswordIsRejectedOverHttp() {
        Response response = post("/api/auth/register", Map.of("email", uniqueEmail("long"), "password",
                "x1-".repeat(43)));
        assertProblem(response, 400);
        assertThat(response.text("code")).isEqualTo("password-too-long");
        assertThat(response.text("detail")).contains("at most 128");
    }

    @Test
    void lengthBoundariesCountCharactersNotBytes() {
        String email = "someone@example.com";
        assertThat(code("a1b2c3d4e5f", email)).isEqualTo("password-too-short");
        assertThatCode(() -> PasswordPolicy.check("a1b2c3d4e5f6", email, null)).doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("z".repeat(64) + "y".repeat(64), email, null))
                .doesNotThrowAnyException();
        assertThat(code("z".repeat(129), email)).isEqualTo("password-too-long");
        // Twelve emoji are twelve characters (24 UTF-16 units): long enough, not too long.
        assertThatCode(() -> PasswordPolicy.check("\uD83D\uDD10".repeat(12), email, null)).doesNotThrowAnyException();
        assertThat(code("\uD83D\uDD10".repeat(11), email)).isEqualTo("password-too-short");
    }

    @Test
    void identifiersAndCommonPasswordsAreCaseInsensitive() {
        assertThat(code("My-Alice.Smith-password", "alice.smith@example.com")).isEqualTo("password-contains-email");
        assertThat(code("CorrectHorseBatteryStaple", "bob@example.com")).isEqualTo("password-too-common");
        assertThat(code("totally-fine-Passphrase", "bob@example.com")).isNull();
        assertThat(code("satoshi-was-here-2009", "x@example.com", "Satoshi")).isEqualTo("password-contains-username");
        // A one- or two-letter name part would forbid half the dictionary, so it is not applied.
        assertThat(code("a-perfectly-good-phrase", "a@example.com")).isNull();
        assertThat(code(null, "a@example.com")).isEqualTo("password-required");
        assertThat(PasswordPolicy.isCommon("PASSWORD1234")).isTrue();
    }

    private static String code(String password, String email) {
        return code(password, email, null);
    }

    private static String code(String password, String email, String username) {
        AuthProblem problem = catchThrowableOfType(AuthProblem.class,
                () -> PasswordPolicy.check(password, email, username));
        return problem == null ? null : problem.code();
    }
}
