package ai.kaizen.auth.account;

import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordChangeTests extends AuthIntegrationTest {

    private static final String NEW_PASSWORD = "a-brand-New-passphrase-7";

    private Response change(String accessToken, String current, String next) {
        return post("/api/auth/password", Map.of("currentPassword", current, "newPassword", next), accessToken);
    }

    @Test
    void changingThePasswordRetiresTheOldOneAndEverySession() {
        String email = uniqueEmail("change");
        Response first = register(email, PASSWORD);
        Response second = login(email, PASSWORD);

        assertThat(change(first.text("accessToken"), PASSWORD, NEW_PASSWORD).status()).isEqualTo(204);

        assertProblem(login(email, PASSWORD), 401);
        assertThat(login(email, NEW_PASSWORD).status()).isEqualTo(200);
        assertProblem(post("/api/auth/refresh", Map.of("refreshToken", first.text("refreshToken"))), 401);
        assertProblem(post("/api/auth/refresh", Map.of("refreshToken", second.text("refreshToken"))), 401);
    }

    @Test
    void theCurrentPasswordIsRequiredAndMustBeRight() {
        String email = uniqueEmail("current");
        Response session = register(email, PASSWORD);
        String token = session.text("accessToken");

        Response wrong = change(token, "not-my-password", NEW_PASSWORD);
        assertProblem(wrong, 403);
        assertThat(wrong.text("code")).isEqualTo("current-password-mismatch");
        assertThat(login(email, PASSWORD).status()).as("unchanged").isEqualTo(200);

        assertProblem(post("/api/auth/password", Map.of("newPassword", NEW_PASSWORD), token), 400);

        Response weak = change(token, PASSWORD, "short");
        assertProblem(weak, 400);
        assertThat(weak.text("code")).isEqualTo("password-too-short");

        Response same = change(token, PASSWORD, PASSWORD);
        assertProblem(same, 400);
        assertThat(same.text("code")).isEqualTo("password-unchanged");

        assertThat(post("/api/auth/refresh", Map.of("refreshToken", session.text("refreshToken"))).status())
                .as("failed changes end no session").isEqualTo(200);
    }

    @Test
    void guessingTheCurrentPasswordCountsTowardLockout() {
        String email = uniqueEmail("guess");
        String token = register(email, PASSWORD).text("accessToken");
        for (int i = 0; i < 5; i++) {
            assertThat(change(token, "guess-number-" + i, NEW_PASSWORD).status()).isEqualTo(403);
        }
        assertProblem(change(token, PASSWORD, NEW_PASSWORD), 429);
        assertProblem(login(email, PASSWORD), 429);
    }
}
