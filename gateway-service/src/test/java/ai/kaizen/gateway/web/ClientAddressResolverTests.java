package ai.kaizen.gateway.web;

import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressResolverTests {

    @Test
    void withoutTrustedProxiesTheConnectionIsTheClient() {
        ClientAddressResolver resolver = resolver(List.of());
        assertThat(resolver.clientAddress(exchange("198.51.100.7", "1.2.3.4"))).isEqualTo("198.51.100.7");
    }

    @Test
    void forwardedForIsReadRightToLeftPastTrustedProxiesOnly() {
        ClientAddressResolver resolver = resolver(List.of("10.0.0.0/8", "192.168.1.1"));
        assertThat(resolver.clientAddress(exchange("10.1.2.3", "6.6.6.6, 203.0.113.5, 192.168.1.1")))
                .isEqualTo("203.0.113.5");
        assertThat(resolver.clientAddress(exchange("198.51.100.7", "203.0.113.5")))
                .as("an untrusted peer cannot choose its address").isEqualTo("198.51.100.7");
        assertThat(resolver.clientAddress(exchange("10.1.2.3", "not-an-ip")))
                .as("garbage is never taken as an address").isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress(exchange("10.1.2.3", "999.1.1.1"))).isEqualTo("10.1.2.3");
        assertThat(resolver.clientAddress(exchange("10.1.2.3", null))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6RangesMatch() {
        ClientAddressResolver resolver = resolver(List.of("::1", "fd00::/8"));
        assertThat(resolver.clientAddress(exchange("fd12::5", "2001:db8::1"))).isEqualTo("2001:db8::1");
        assertThat(resolver.clientAddress(exchange("2001:db8::9", "2001:db8::1"))).isEqualTo("2001:db8:0:0:0:0:0:9");
    }

    private static ClientAddressResolver resolver(List<String> trusted) {
        return new ClientAddressResolver(new RequestProperties(DataSize.ofMegabytes(1), List.of(), trusted));
    }

    private static MockServerWebExchange exchange(String remote, String forwardedFor) {
        MockServerHttpRequest.BaseBuilder<?> request = MockServerHttpRequest.get("/")
                .remoteAddress(new InetSocketAddress(remote, 40000));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return MockServerWebExchange.from(request.build());
    }
}
