package app.arv.outbound;

import app.arv.shared.Cidr;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The operator's exceptions to the guard ({@code arv.outbound.allowed-hosts}), comma-separated:
 * <ul>
 *   <li>{@code minio.internal} or {@code 127.0.0.1} — that host as written in the URL, any port;</li>
 *   <li>{@code minio.internal:9000} or {@code [::1]:9000} — that host on that port only;</li>
 *   <li>{@code 10.20.0.0/16} or {@code fd00::/8} — any host whose every address falls inside.</li>
 * </ul>
 * A listed name is trusted as it resolves, so list names whose DNS the operator controls.
 */
public final class AllowedHosts {

    private record HostEntry(String host, int port) {
    }

    private final List<HostEntry> hosts = new ArrayList<>();
    private final List<Cidr> networks = new ArrayList<>();

    public static AllowedHosts none() {
        return new AllowedHosts(List.of());
    }

    /** @throws IllegalArgumentException for an entry that is none of the three forms */
    public AllowedHosts(List<String> entries) {
        for (String raw : entries) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            if (slash >= 0) {
                networks.add(Cidr.parse(entry)); // an IP literal only, never a name to resolve
            } else if (entry.startsWith("[")) {
                int close = entry.indexOf(']');
                if (close < 0) {
                    throw new IllegalArgumentException("Not a host, host:port or CIDR: " + raw);
                }
                String host = entry.substring(1, close);
                String rest = entry.substring(close + 1);
                hosts.add(new HostEntry(host, rest.isEmpty() ? -1 : port(rest.substring(1), raw)));
            } else if (entry.indexOf(':') != entry.lastIndexOf(':')) {
                hosts.add(new HostEntry(entry, -1)); // a bare IPv6 literal
            } else if (entry.indexOf(':') > 0) {
                hosts.add(new HostEntry(entry.substring(0, entry.indexOf(':')), port(entry.substring(entry.indexOf(':') + 1), raw)));
            } else {
                hosts.add(new HostEntry(trimDot(entry), -1));
            }
        }
    }

    /** Whether the host, as the URL names it (lower case, no brackets), is listed for this port. */
    public boolean allowsHost(String host, int port) {
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        return hosts.stream().anyMatch(e -> e.host().equals(h) && (e.port() < 0 || e.port() == port));
    }

    /** Whether the host is listed for some port (at connect time the port was already checked with the URL). */
    boolean allowsHostOnAnyPort(String host) {
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        return hosts.stream().anyMatch(e -> e.host().equals(h));
    }

    public boolean allowsAddress(InetAddress address) {
        return networks.stream().anyMatch(n -> n.contains(address));
    }

    private static int port(String text, String raw) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Not a port in " + raw, e);
        }
    }

    private static String trimDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
