package ai.kaizen.gateway.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decides which address a request comes from. The connection's remote address is the client unless
 * it is one of the configured trusted proxies; only then is {@code X-Forwarded-For} read, right to
 * left, skipping further trusted proxies, so a client cannot choose its own rate-limit bucket.
 */
@Component
public class ClientAddressResolver {

    private static final String ATTRIBUTE = ClientAddressResolver.class.getName() + ".address";
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Cidr> trustedProxies;

    ClientAddressResolver(RequestProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .map(String::trim)
                .filter(entry -> !entry.isEmpty())
                .map(Cidr::parse)
                .toList();
    }

    /** The client's address, computed once per exchange. */
    public String clientAddress(ServerWebExchange exchange) {
        String cached = exchange.getAttribute(ATTRIBUTE);
        if (cached != null) {
            return cached;
        }
        String resolved = resolve(exchange);
        exchange.getAttributes().put(ATTRIBUTE, resolved);
        return resolved;
    }

    /** Whether the direct peer of this connection is a proxy we trust. */
    public boolean fromTrustedProxy(ServerWebExchange exchange) {
        return isTrusted(remoteAddress(exchange));
    }

    private String resolve(ServerWebExchange exchange) {
        String address = remoteAddress(exchange);
        if (!isTrusted(address)) {
            return address;
        }
        List<String> hops = new ArrayList<>();
        for (String value : exchange.getRequest().getHeaders().getOrEmpty("X-Forwarded-For")) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isIpLiteral(hop)) {
                // A malformed entry was not written by a proxy: the last trusted hop saw this peer.
                return address;
            }
            if (!isTrusted(hop)) {
                return hop;
            }
            address = hop;
        }
        return address;
    }

    private static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    private boolean isTrusted(String address) {
        if (trustedProxies.isEmpty() || !isIpLiteral(address)) {
            return false;
        }
        return trustedProxies.stream().anyMatch(matcher -> matcher.matches(address));
    }

    /** An address range such as {@code 10.0.0.0/8} or a single address such as {@code ::1}. */
    private record Cidr(byte[] network, int prefixBits) {

        static Cidr parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            if (!isIpLiteral(address)) {
                throw new IllegalArgumentException("Trusted proxy must be an IP address or CIDR range: " + entry);
            }
            byte[] bytes = toBytes(address);
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(entry.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("Invalid prefix length in trusted proxy: " + entry);
            }
            return new Cidr(bytes, bits);
        }

        boolean matches(String address) {
            byte[] candidate = toBytes(address);
            if (candidate.length != network.length) {
                return false;
            }
            int fullBytes = prefixBits / 8;
            for (int i = 0; i < fullBytes; i++) {
                if (candidate[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
        }

        /** Parses an IP literal (already checked, so no name lookup can happen). */
        private static byte[] toBytes(String literal) {
            try {
                return InetAddress.getByName(literal).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("Not an IP address: " + literal, e);
            }
        }
    }

    /** True for a well-formed IPv4 or IPv6 literal; never triggers a name lookup. */
    private static boolean isIpLiteral(String value) {
        if (IPV4.matcher(value).matches()) {
            return true;
        }
        if (value.indexOf(':') < 0 || !IPV6.matcher(value).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(value);
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
