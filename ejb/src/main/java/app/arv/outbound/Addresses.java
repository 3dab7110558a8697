package app.arv.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which IP addresses a tenant's URL may not reach, and how host text becomes an address. Pure
 * functions, no DNS.
 */
public final class Addresses {

    /**
     * Host text that C's {@code inet_aton} (curl, many HTTP clients, the OS resolver) reads as an IPv4
     * address: one to four parts, each decimal, octal (leading 0) or hex (0x). {@code http://2130706433/}
     * and {@code http://0x7f.1/} are 127.0.0.1 to them, whatever Java's own parser makes of it.
     */
    private static final Pattern NUMERIC_V4 = Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+)){0,3}\\.?");

    private Addresses() {
    }

    /** Why a URL supplied by a tenant may not reach this address, or empty when it is a public one. */
    public static Optional<String> refusal(InetAddress address) {
        if (address instanceof Inet4Address) {
            return refusalV4(address.getAddress());
        }
        byte[] a = address.getAddress();
        if (a.length != 16) {
            return Optional.of("not an IP address");
        }
        if (allZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff) {
            return refusalV4(slice(a, 12)).map(r -> r + " (IPv4-mapped)"); // ::ffff:a.b.c.d
        }
        if (allZero(a, 0, 12)) {
            if (allZero(a, 12, 15) && a[15] == 0) {
                return Optional.of("the unspecified address"); // ::
            }
            if (allZero(a, 12, 15) && a[15] == 1) {
                return Optional.of("a loopback address"); // ::1
            }
            return Optional.of("an IPv4-compatible IPv6 address (deprecated)"); // ::a.b.c.d
        }
        int first = a[0] & 0xff;
        int second = a[1] & 0xff;
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && allZero(a, 4, 12)) {
            return refusalV4(slice(a, 12)).map(r -> r + " (NAT64)"); // 64:ff9b::/96
        }
        // Prefixes that embed an IPv4 address where a gateway (or the host itself) may reach it: refused whole, since
        // where the IPv4 address sits depends on the network's choices (RFC 6052 prefix lengths, Teredo's obfuscation).
        if (first == 0x00 && second == 0x64 && (a[2] & 0xff) == 0xff && (a[3] & 0xff) == 0x9b && (a[4] & 0xff) == 0x00
                && (a[5] & 0xff) == 0x01) {
            return Optional.of("a local-use NAT64 address (64:ff9b:1::/48)");
        }
        if (allZero(a, 0, 8) && (a[8] & 0xff) == 0xff && (a[9] & 0xff) == 0xff && allZero(a, 10, 12)) {
            return Optional.of("an IPv4-translated address (::ffff:0:0/96)");
        }
        if (first == 0x01 && second == 0x00 && allZero(a, 2, 8)) {
            return Optional.of("a discard-only address (100::/64)");
        }
        if (first == 0x20 && second == 0x01 && allZero(a, 2, 4)) {
            return Optional.of("a Teredo address (2001::/32)");
        }
        if (first == 0x20 && second == 0x02) {
            return refusalV4(new byte[]{a[2], a[3], a[4], a[5]}).map(r -> r + " (6to4)"); // 2002::/16
        }
        if ((first & 0xfe) == 0xfc) {
            return Optional.of("a unique-local address"); // fc00::/7
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("a link-local address"); // fe80::/10
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("a site-local address"); // fec0::/10
        }
        if (first == 0xff) {
            return Optional.of("a multicast address"); // ff00::/8
        }
        return Optional.empty();
    }

    private static Optional<String> refusalV4(byte[] a) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        if (b0 == 0) {
            return Optional.of("the unspecified network (0.0.0.0/8)");
        }
        if (b0 == 127) {
            return Optional.of("a loopback address");
        }
        if (b0 == 10 || b0 == 172 && (b1 & 0xf0) == 16 || b0 == 192 && b1 == 168) {
            return Optional.of("a private address");
        }
        if (b0 == 100 && (b1 & 0xc0) == 64) {
            return Optional.of("a carrier-grade NAT address (100.64.0.0/10)");
        }
        if (b0 == 169 && b1 == 254) {
            return Optional.of("a link-local address (cloud metadata lives here)");
        }
        if (b0 == 192 && b1 == 0 && b2 == 0) {
            return Optional.of("an IETF protocol address (192.0.0.0/24)");
        }
        if (b0 == 198 && (b1 & 0xfe) == 18) {
            return Optional.of("a benchmarking address (198.18.0.0/15)");
        }
        if (b0 >= 224 && b0 <= 239) {
            return Optional.of("a multicast address");
        }
        if (b0 >= 240) {
            return Optional.of(b0 == 255 && b1 == 255 && b2 == 255 && (a[3] & 0xff) == 255
                    ? "the broadcast address"
                    : "a reserved address (240.0.0.0/4)");
        }
        return Optional.empty();
    }

    /** Whether the host text is an IPv4 address in one of the forms {@code inet_aton} accepts. */
    static boolean looksNumeric(String host) {
        return NUMERIC_V4.matcher(host).matches();
    }

    /**
     * The address {@code inet_aton} reads from numeric host text ({@link #looksNumeric}), or empty
     * when a part does not fit (such text is no address to anyone, and no name either).
     */
    static Optional<InetAddress> numericV4(String host) {
        String text = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = text.split("\\.", -1);
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            try {
                if (p.startsWith("0x")) {
                    values[i] = p.length() == 2 ? 0 : Long.parseLong(p.substring(2), 16);
                } else if (p.length() > 1 && p.startsWith("0")) {
                    values[i] = Long.parseLong(p.substring(1), 8);
                } else {
                    values[i] = Long.parseLong(p);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        long value = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 255) {
                return Optional.empty();
            }
            value |= values[i] << (8 * (3 - i));
        }
        long last = values[values.length - 1];
        if (last >= 1L << (8 * (5 - values.length))) {
            return Optional.empty();
        }
        value |= last;
        try {
            return Optional.of(InetAddress.getByAddress(host, new byte[]{
                    (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value}));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] a, int from) {
        return new byte[]{a[from], a[from + 1], a[from + 2], a[from + 3]};
    }

    /** Whether the address is an IPv6 one; used only to print it in brackets. */
    static boolean isV6(InetAddress address) {
        return address instanceof Inet6Address;
    }
}
