package ai.kaizen.gateway.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and hygiene applied to every incoming request.
 *
 * @param maxBodySize    largest request body accepted (413 beyond it)
 * @param stripHeaders   identity headers a client must never be able to set; removed before anything else
 * @param trustedProxies IPs or CIDR ranges of proxies in front of the gateway whose {@code X-Forwarded-For}
 *                       is believed; empty means the connection's remote address is the client
 */
@ConfigurationProperties("kaizen.gateway.request")
public record RequestProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue({"X-User-Id", "X-User-Email", "X-User-Roles", "X-User-Tier", "X-Authenticated-User",
                "X-Forwarded-User", "X-Remote-User", "X-Auth-Request-User", "X-Auth-Request-Email"})
        List<String> stripHeaders,
        @DefaultValue List<String> trustedProxies) {
}
