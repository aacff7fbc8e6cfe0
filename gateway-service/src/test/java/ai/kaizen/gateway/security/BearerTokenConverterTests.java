package ai.kaizen.gateway.security;

import java.util.ArrayList;
import java.util.List;

import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/** The loop-based converter decides every Authorization header exactly as Spring Security's own converter does. */
class BearerTokenConverterTests {

    private final ServerAuthenticationConverter spring = new ServerBearerTokenAuthenticationConverter();
    private final ServerAuthenticationConverter ours = new BearerTokenConverter();

    @Test
    void acceptsRefusesAndIgnoresTheSameHeadersAsSpringSecurity() {
        String jwt = TestTokens.user("converter");
        List<String> headers = new ArrayList<>(List.of("", " ", "Basic dXNlcjpwYXNz", "Digest x", "bearer", "Bearer",
                "Bearer ", "Bearer  " + jwt, "Bearer\t" + jwt, "Bearer " + jwt, "bearer " + jwt, "BEARER " + jwt,
                "BeArEr " + jwt, "Bearer" + jwt, "Bearerx " + jwt, "Bearer " + jwt + " ", " Bearer " + jwt,
                "Bearer " + jwt + "=", "Bearer " + jwt + "==", "Bearer abc=def", "Bearer ====", "Bearer =abc",
                "Bearer a", "Bearer a.b-c_d~e+f/g==", "Bearer " + jwt + "," + jwt, "Bearer abc def",
                "Bear " + jwt, "Bearer\u00e9 abc", "B\u00e9arer abc", "Bearer abc\u00e9", "Bearer \u00e9"));
        for (char c = 0x20; c < 0x7F; c++) {
            headers.add("Bearer ab" + c + "cd");
            headers.add("Bearer " + c);
            headers.add("Bearer abcd" + c);
        }
        headers.add(null);

        for (String header : headers) {
            assertThat(outcome(ours, header)).as("Authorization: %s", header).isEqualTo(outcome(spring, header));
        }
        assertThat(outcome(ours, "Bearer " + jwt)).isEqualTo("token " + jwt);
        assertThat(outcome(ours, "Bearer abc def")).startsWith("error invalid_token");
        assertThat(outcome(ours, "Basic dXNlcjpwYXNz")).isEqualTo("none");
    }

    /** What a converter makes of one header: the token, no token, or the error with its code and description. */
    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/api/users/me");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        ServerWebExchange exchange = MockServerWebExchange.from(request);
        try {
            Authentication authentication = converter.convert(exchange).block();
            if (authentication == null) {
                return "none";
            }
            return "token " + ((BearerTokenAuthenticationToken) authentication).getToken();
        } catch (OAuth2AuthenticationException e) {
            return "error " + e.getError().getErrorCode() + " " + e.getError().getDescription() + " "
                    + e.getClass().getSimpleName();
        }
    }
}
