package app.arv.security;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    private final TrustedProxies none = new TrustedProxies(Optional.empty());
    private final TrustedProxies proxies = new TrustedProxies(Optional.of("10.0.0.0/8, 192.168.1.7,fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsNeverRead() {
        assertThat(none.clientOf("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void aClientConnectingDirectlyCannotChooseItsAddress() {
        assertThat(proxies.clientOf("203.0.113.5", List.of("198.51.100.1"))).isEqualTo("203.0.113.5");
    }

    @Test
    void theAddressAppendedByATrustedProxyIsTheClient() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void addressesTheClientWroteItselfAreIgnored() {
        // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the real peer.
        assertThat(proxies.clientOf("10.1.2.3", List.of("1.1.1.1, 198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedFromTheRight() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1, 192.168.1.7", "10.9.9.9"))).isEqualTo("198.51.100.1");
    }

    @Test
    void whenEveryHopIsTrustedTheLeftmostIsTheClient() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void aGarbledHopStopsAtTheLastTrustedAddress() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1, evil.example"))).isEqualTo("10.1.2.3");
    }

    @Test
    void ipv6ProxiesAndBracketedClientsAreUnderstood() {
        assertThat(proxies.clientOf("fd12::1", List.of("[2001:db8::5]"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aProxyWithoutTheHeaderIsItselfTheClient() {
        assertThat(proxies.clientOf("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void aMalformedSettingIsRefusedAtStart() {
        assertThatThrownBy(() -> new TrustedProxies(Optional.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TrustedProxies(Optional.of("proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
