package ai.kaizen.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security headers the gateway puts on every response (besides the fixed X-Frame-Options DENY,
 * X-Content-Type-Options nosniff and Referrer-Policy strict-origin-when-cross-origin).
 */
@ConfigurationProperties("kaizen.gateway.headers")
public record HeadersProperties(
        @DefaultValue("default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'")
        String contentSecurityPolicy,
        @DefaultValue("max-age=31536000; includeSubDomains") String strictTransportSecurity,
        @DefaultValue("camera=(), microphone=(), geolocation=(), payment=(), usb=()") String permissionsPolicy) {
}
