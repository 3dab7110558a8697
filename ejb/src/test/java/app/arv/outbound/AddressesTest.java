package app.arv.outbound;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;

class AddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "169.254.0.1",
            "192.0.0.170", "198.18.0.1", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
            "::", "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "fec0::1", "ff02::1",
            "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "::127.0.0.1", "::10.0.0.1",
            "64:ff9b::7f00:1", "2002:7f00:1::", "2002:a9fe:a9fe::1"})
    void internalAddressesAreRefused(String address) throws Exception {
        assertThat(Addresses.refusal(InetAddress.getByName(address))).isPresent();
    }

    /** Forms a gateway (or the host) may turn into the IPv4 address they embed, whatever it is. */
    @ParameterizedTest
    @ValueSource(strings = {"64:ff9b:1::7f00:1", "64:ff9b:1:7f00:1::", "64:ff9b:1::808:808", "::ffff:0:7f00:1",
            "::ffff:0:a9fe:a9fe", "::ffff:0:808:808", "100::7f00:1", "100::1", "2001:0:4136:e378:8000:63bf:80ff:fffe",
            "2001::7f00:1"})
    void addressesThatEmbedAnIPv4AddressForAGatewayAreRefused(String address) throws Exception {
        assertThat(Addresses.refusal(InetAddress.getByName(address))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "169.253.0.1", "192.169.0.1", "11.0.0.1", "2001:4860:4860::8888", "2606:4700::1111",
            "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1",
            "2001:db9::1", "2001:1::1", "100:0:0:1::1", "64:ff9b:2::1"})
    void publicAddressesPass(String address) throws Exception {
        assertThat(Addresses.refusal(InetAddress.getByName(address))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2130706433", "0x7f000001", "0x7f.1", "0177.0.0.1", "0177.0.0.01", "127.1", "127.0.1",
            "0x7F.0x0.0x0.0x1", "017700000001", "127.0.0.1."})
    void everyInetAtonSpellingOfLoopbackIsLoopback(String host) {
        assertThat(Addresses.looksNumeric(host)).isTrue();
        assertThat(Addresses.numericV4(host)).get().extracting(a -> a.getHostAddress()).isEqualTo("127.0.0.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.16689662"})
    void everyInetAtonSpellingOfTheMetadataAddressIsTheMetadataAddress(String host) {
        assertThat(Addresses.numericV4(host)).get().extracting(a -> a.getHostAddress()).isEqualTo("169.254.169.254");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967296", "256.0.0.1", "1.2.3.256", "08.0.0.1", "1.2.65536"})
    void numericTextThatFitsNoAddressIsNoAddress(String host) {
        assertThat(Addresses.numericV4(host)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3.amazonaws.com", "minio.internal", "1.2.3.4.example", "0x7f.example", "example.123abc"})
    void namesAreNotNumeric(String host) {
        assertThat(Addresses.looksNumeric(host)).isFalse();
    }
}
