package ai.kaizen.auth.account;

import java.util.HashMap;
import java.util.Map;

import ai.kaizen.auth.AuthIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationTests extends AuthIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void registerThenLoginThenMe() {
        String email = uniqueEmail("happy");
        Response registered = post("/api/auth/register", Map.of("email", email, "password", PASSWORD,
                "username", "happy_" + email.substring(6, 14)));
        assertThat(registered.status()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo("/api/auth/me");
        assertThat(registered.text("tokenType")).isEqualTo("Bearer");
        assertThat(registered.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(registered.text("accessToken")).isNotBlank();
        assertThat(registered.text("refreshToken")).isNotBlank();
        assertThat(registered.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(registered.json().path("user").path("tier").asString()).isEqualTo("free");
        assertThat(registered.json().path("user").path("roles").toString()).isEqualTo("[\"USER\"]");
        String id = registered.json().path("user").path("id").asString();

        Response loggedIn = login(email, PASSWORD);
        assertThat(loggedIn.status()).isEqualTo(200);
        assertThat(loggedIn.json().path("user").path("id").asString()).isEqualTo(id);
        assertThat(loggedIn.text("refreshToken")).isNotEqualTo(registered.text("refreshToken"));

        Response me = get("/api/auth/me", loggedIn.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("id")).isEqualTo(id);
        assertThat(me.text("email")).isEqualTo(email);
        assertThat(me.text("username")).startsWith("happy_");
        assertThat(me.text("tier")).isEqualTo("free");
        assertThat(me.json().path("verified").asBoolean()).isFalse();
        assertThat(me.text("lastLogin")).isNotBlank();
        assertThat(me.json().has("passwordHash")).isFalse();
    }

    @Test
    void emailIsTrimmedAndLowerCasedAndUniqueInThatForm() {
        String email = uniqueEmail("norm");
        Response registered = register("  " + email.toUpperCase() + "  ", PASSWORD);
        assertThat(registered.json().path("user").path("email").asString()).isEqualTo(email);

        assertThat(login(email, PASSWORD).status()).isEqualTo(200);
        assertThat(login(" " + email.toUpperCase(), PASSWORD).status()).isEqualTo(200);

        Response duplicate = post("/api/auth/register", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertProblem(duplicate, 409);
        assertThat(duplicate.text("code")).isEqualTo("email-taken");
    }

    @Test
    void duplicateEmailIsAConflict() {
        String email = uniqueEmail("dup");
        register(email, PASSWORD);
        Response again = post("/api/auth/register", Map.of("email", email, "password", "another-Passphrase-42"));
        assertProblem(again, 409);
        assertThat(again.text("detail")).contains("already exists");
    }

    @Test
    void duplicateUsernameIsAConflictWhateverItsCase() {
        String username = "user_" + uniqueEmail("u").substring(2, 10);
        assertThat(post("/api/auth/register", Map.of("email", uniqueEmail("un1"), "password", PASSWORD,
                "username", username)).status()).isEqualTo(201);
        Response taken = post("/api/auth/register", Map.of("email", uniqueEmail("un2"), "password", PASSWORD,
                "username", username.toUpperCase()));
        assertProblem(taken, 409);
        assertThat(taken.text("code")).isEqualTo("username-taken");
    }

    @Test
    void malformedInputSaysWhatIsWrong() {
        Response noEmail = post("/api/auth/register", Map.of("password", PASSWORD));
        assertProblem(noEmail, 400);
        assertThat(noEmail.text("code")).isEqualTo("email-required");

        for (String bad : new String[] {"not-an-address", "two@@example.com", "a b@example.com", "x@localhost"}) {
            Response invalid = post("/api/auth/register", Map.of("email", bad, "password", PASSWORD));
            assertProblem(invalid, 400);
            assertThat(invalid.text("code")).as(bad).isEqualTo("email-invalid");
        }

        Map<String, Object> badUsername = new HashMap<>(Map.of("email", uniqueEmail("badname"), "password", PASSWORD));
        badUsername.put("username", "no spaces allowed");
        assertThat(post("/api/auth/register", badUsername).text("code")).isEqualTo("username-invalid");

        Response notJson = send(request("/api/auth/register", null).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json")).build());
        assertProblem(notJson, 400);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail("wrong");
        register(email, PASSWORD);

        Response wrongPassword = login(email, PASSWORD + "x");
        assertProblem(wrongPassword, 401);
        Response unknownEmail = login(uniqueEmail("nobody"), PASSWORD);
        assertProblem(unknownEmail, 401);
        assertThat(unknownEmail.text("detail")).isEqualTo(wrongPassword.text("detail"));
        assertThat(wrongPassword.text("accessToken")).isEmpty();

        assertProblem(post("/api/auth/login", Map.of("email", email)), 400);
    }

    @Test
    void aDisabledAccountCanNeitherLogInNorRefreshNorUseItsKeys() {
        String email = uniqueEmail("disabled");
        Response session = register(email, PASSWORD);
        String key = post("/api/auth/api-keys", Map.of("name", "bot"), session.text("accessToken")).text("key");
        jdbc.sql("UPDATE users SET is_active = false WHERE email = :email").param("email", email).update();

        Response login = login(email, PASSWORD);
        assertProblem(login, 403);
        assertThat(login.text("code")).isEqualTo("account-disabled");
        assertThat(login(email, "wrong-password-here").status()).as("no hint without the password").isEqualTo(401);
        assertProblem(post("/api/auth/refresh", Map.of("refreshToken", session.text("refreshToken"))), 401);
        assertProblem(send(request("/api/auth/api-keys/exchange", null).header("X-API-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build()), 401);
    }
}
