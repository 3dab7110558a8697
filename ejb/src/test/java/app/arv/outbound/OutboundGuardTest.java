package app.arv.outbound;

import app.arv.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundGuardTest {

    /** A fixed DNS: names map to their addresses, anything else does not resolve. */
    private static OutboundGuard.Resolver dns(Map<String, List<String>> names) {
        return host -> {
            List<String> addresses = names.get(host);
            if (addresses == null) {
                throw new UnknownHostException(host);
            }
            InetAddress[] out = new InetAddress[addresses.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = InetAddress.getByName(addresses.get(i));
            }
            return out;
        };
    }

    private static final OutboundGuard.Resolver WORLD = dns(Map.of(
            "s3.example.com", List.of("93.184.216.34"),
            "localhost", List.of("127.0.0.1", "::1"),
            "metadata.example.com", List.of("169.254.169.254"),
            "split.example.com", List.of("93.184.216.34", "10.0.0.5"),
            "minio.internal", List.of("10.1.2.3")));

    private static OutboundGuard guard(String... allowed) {
        return new OutboundGuard(new AllowedHosts(List.of(allowed)), WORLD);
    }

    private static void assertRefused(OutboundGuard guard, String url) {
        assertThatThrownBy(() -> guard.check("endpoint", url))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("endpoint_not_allowed");
                    assertThat(e.status()).isEqualTo(422);
                });
    }

    @Test
    void aPublicHostPasses() {
        assertThat(guard().check("endpoint", "https://s3.example.com/").addresses())
                .extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080", "http://localhost:8080/", "http://LOCALHOST./", "http://[::1]:8080/",
            "http://[::ffff:127.0.0.1]/", "http://[::ffff:7f00:1]/", "http://[0:0:0:0:0:ffff:127.0.0.1]/",
            "http://2130706433/", "http://0x7f000001/", "http://0177.0.0.1/", "http://127.1/", "http://0.0.0.0/",
            "http://169.254.169.254/latest/meta-data/", "http://metadata.example.com/", "http://[fe80::1]/",
            "http://[fd00::1]/", "http://10.0.0.1/", "http://172.16.5.4/", "http://192.168.0.1/", "http://100.64.1.1/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://split.example.com/", "http://minio.internal:9000/",
            "http://4294967296/", "http://[fe80::1%25eth0]/"})
    void internalTargetsAreRefused(String url) {
        assertRefused(guard(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://s3.example.com/", "file:///etc/passwd", "gopher://s3.example.com/", "jar:http://x/!/",
            "http://user:pw@s3.example.com/", "http://s3.example.com@127.0.0.1/", "//s3.example.com", "s3.example.com",
            "http:///path", "http://nowhere.example.com/", "not a url"})
    void otherSchemesUserInfoAndUnknownHostsAreRefused(String url) {
        assertRefused(guard(), url);
    }

    @Test
    void aListedHostPassesOnAnyPort() {
        assertThat(guard("127.0.0.1").check("endpoint", "http://127.0.0.1:9000").host()).isEqualTo("127.0.0.1");
    }

    @Test
    void aListedHostDoesNotAllowOtherSpellingsOfItsAddress() {
        assertRefused(guard("127.0.0.1"), "http://localhost:9000/");
        assertRefused(guard("127.0.0.1"), "http://2130706433:9000/");
    }

    @Test
    void aListedHostAndPortAllowsThatPortOnly() {
        OutboundGuard guard = guard("minio.internal:9000");

        assertThat(guard.check("endpoint", "http://minio.internal:9000/").port()).isEqualTo(9000);
        assertRefused(guard, "http://minio.internal:9001/");
    }

    @Test
    void aListedNetworkAllowsHostsResolvingInsideIt() {
        OutboundGuard guard = guard("10.0.0.0/8");

        assertThat(guard.check("endpoint", "http://minio.internal:9000/").addresses()).hasSize(1);
        assertRefused(guard, "http://localhost/");
    }

    @Test
    void theConnectTimeResolverRefusesAnInternalAnswer() {
        assertThatThrownBy(() -> guard().dns().lookup("localhost")).isInstanceOf(OutboundGuard.RefusedAddress.class);
    }

    @Test
    void theConnectTimeResolverHandsOutExactlyTheCheckedAddresses() throws Exception {
        assertThat(guard().dns().lookup("s3.example.com")).extracting(InetAddress::getHostAddress).containsExactly("93.184.216.34");
    }

    @Test
    void theConnectTimeResolverLetsListedHostsThrough() throws Exception {
        assertThat(guard("localhost").dns().lookup("localhost")).hasSize(2);
    }

    @Test
    void anAllowListEntryThatIsNoHostPortOrCidrIsAConfigurationError() {
        assertThatThrownBy(() -> new AllowedHosts(List.of("minio.internal/8"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AllowedHosts(List.of("minio:http"))).isInstanceOf(IllegalArgumentException.class);
    }
}
