package app.arv.protection;

import app.arv.shared.Cidr;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * The network a client address stands for when requests are counted by address. An IPv4 address is one client
 * (at most a NAT in front of a few). An IPv6 client is routinely given a whole /64 and may send from any of its
 * 2^64 addresses, so counting per address would hand it a fresh bucket per request: its /64 is counted as one.
 * An IPv4-mapped IPv6 address (a dual-stack socket's view of an IPv4 peer) is its IPv4 address.
 */
public final class ClientNetwork {

    private static final int IPV6_NETWORK_BYTES = 8;

    private ClientNetwork() {
    }

    /** The bucket's name for {@code address}: itself for IPv4, {@code prefix::/64} for IPv6, the text as given otherwise. */
    public static String of(String address) {
        int zone = address.indexOf('%');
        Optional<InetAddress> parsed = Cidr.literal(zone < 0 ? address : address.substring(0, zone));
        if (parsed.isEmpty()) {
            return address;
        }
        if (!(parsed.get() instanceof Inet6Address)) {
            return parsed.get().getHostAddress();
        }
        byte[] network = new byte[16];
        System.arraycopy(parsed.get().getAddress(), 0, network, 0, IPV6_NETWORK_BYTES);
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + IPV6_NETWORK_BYTES * 8;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are an IPv6 address", e);
        }
    }
}
