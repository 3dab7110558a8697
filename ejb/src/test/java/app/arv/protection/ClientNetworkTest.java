package app.arv.protection;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientNetworkTest {

    @Test
    void anIpv4AddressIsItsOwnNetwork() {
        assertThat(ClientNetwork.of("203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void anIpv6AddressStandsForItsSlash64() {
        assertThat(ClientNetwork.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void everyAddressOfOneSlash64IsTheSameNetworkHoweverItIsWritten() {
        assertThat(ClientNetwork.of("2001:db8:1:2::1")).isEqualTo(ClientNetwork.of("2001:0db8:0001:0002:ffff:0:0:9"))
                .isEqualTo(ClientNetwork.of("[2001:db8:1:2::42]"));
    }

    @Test
    void neighbouringSlash64sAreDifferentNetworks() {
        assertThat(ClientNetwork.of("2001:db8:1:2::1")).isNotEqualTo(ClientNetwork.of("2001:db8:1:3::1"));
    }

    @Test
    void anIpv4MappedIpv6AddressIsItsIpv4Address() {
        assertThat(ClientNetwork.of("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
    }

    @Test
    void aLinkLocalAddressWithAZoneStandsForItsSlash64() {
        assertThat(ClientNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0:0:0:0:0/64");
    }

    @Test
    void textThatIsNoAddressIsCountedAsItIs() {
        assertThat(ClientNetwork.of("unknown")).isEqualTo("unknown");
    }
}
