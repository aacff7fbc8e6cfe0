package ai.kaizen.gateway.security;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Browser origins allowed to call the API.
 *
 * @param allowedOrigins   exact origins (scheme, host, port); nothing else gets CORS headers
 * @param allowCredentials whether browsers may send cookies; tokens travel in headers, so off by default
 * @param maxAge           how long a browser may cache a preflight answer
 */
@ConfigurationProperties("kaizen.gateway.cors")
public record CorsProperties(
        @DefaultValue("http://localhost:3000") List<String> allowedOrigins,
        @DefaultValue("false") boolean allowCredentials,
        @DefaultValue("1h") Duration maxAge) {
}
