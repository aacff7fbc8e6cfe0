package ai.kaizen.user;

import ai.kaizen.testsupport.ServiceContract;
import ai.kaizen.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserServiceApplicationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void security(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void probesMetricsAndApiDocumentArePublic() {
        ServiceContract.assertOperationalEndpointsArePublic(port);
    }

    @Test
    void everythingElseNeedsAValidToken() {
        ServiceContract.assertValidatesTokensItself(port, "/api/users/anything");
    }
}
