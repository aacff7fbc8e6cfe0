package ai.kaizen.gateway.web;

import org.springframework.core.Ordered;

/**
 * Where each gateway web filter runs relative to Spring Security's filter chain (order -100):
 * tagging and sanitising first, CORS and credential preparation before authentication,
 * rate limiting and the body limit once the caller is known.
 */
public final class FilterOrder {

    public static final int CORRELATION_ID = Ordered.HIGHEST_PRECEDENCE;
    public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 1;
    public static final int CORS = -300;
    public static final int WEBSOCKET_TOKEN = -260;
    public static final int API_KEY = -200;
    /** Spring Security's WebFilterChainProxy runs at -100. */
    public static final int RATE_LIMIT = -90;
    public static final int BODY_LIMIT = -80;

    private FilterOrder() {
    }
}
