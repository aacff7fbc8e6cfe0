package ai.kaizen.gateway.routing;

import java.util.stream.Collectors;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway's own OpenAPI document: what it fronts and where each service's document is. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    @Bean
    OpenAPI gatewayOpenApi(BackendProperties backends) {
        String services = RouteConfiguration.serviceRoutes(backends).stream()
                .map(route -> "- " + route.name() + ": " + String.join(", ", route.paths())
                        + " (document: /v3/api-docs/" + route.docs() + ")")
                .collect(Collectors.joining("\n"));
        return new OpenAPI().info(new Info()
                .title("Kaizen API gateway")
                .version("v1")
                .description("""
                        The single public entry of Kaizen. Every call needs a bearer access token (or an \
                        X-API-Key, exchanged for one) except register, login, refresh, logout, the JWKS, \
                        health probes and API documents. Routes:
                        """ + services + "\n- chat-service WebSocket: /ws/**"));
    }
}
