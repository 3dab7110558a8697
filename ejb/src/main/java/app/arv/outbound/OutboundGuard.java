package app.arv.outbound;

import app.arv.shared.DomainException;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides whether ARV may connect to a URL a tenant supplied: http(s) only, no user info, and every
 * address the host resolves to public — unless the operator listed the host ({@link AllowedHosts}).
 * The same decision is made again when a connection is opened, through {@link #dns()}.
 */
public final class OutboundGuard {

    private static final Logger LOG = Logger.getLogger(OutboundGuard.class.getName());

    /** Name resolution; the system resolver in production. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A URL that passed: where it points and what it resolved to when checked. */
    public record CheckedUrl(URI uri, String host, int port, List<InetAddress> addresses) {
    }

    /** Raised at connect time; an {@link UnknownHostException} so HTTP clients treat it as a failed lookup. */
    public static final class RefusedAddress extends UnknownHostException {
        public RefusedAddress(String message) {
            super(message);
        }
    }

    private final AllowedHosts allowed;
    private final Resolver resolver;

    public OutboundGuard(AllowedHosts allowed, Resolver resolver) {
        this.allowed = allowed;
        this.resolver = resolver;
    }

    public OutboundGuard(AllowedHosts allowed) {
        this(allowed, InetAddress::getAllByName);
    }

    /**
     * @param what how the field is called in the problem ({@code endpoint}, {@code url})
     * @throws DomainException {@code endpoint_not_allowed} (422)
     */
    public CheckedUrl check(String what, String url) {
        return check(what, url, true);
    }

    /**
     * As {@link #check}, but a host that does not resolve and one that resolves to an address the guard refuses get
     * the same answer, the reason only logged: where any stranger may try URLs (a webhook), different answers would
     * map the installation's internal DNS (which names exist, which are private, link-local…).
     *
     * @throws DomainException {@code endpoint_not_allowed} (422)
     */
    public CheckedUrl checkQuietly(String what, String url) {
        return check(what, url, false);
    }

    private CheckedUrl check(String what, String url, boolean tellWhy) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw DomainException.endpointNotAllowed(what + " is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw DomainException.endpointNotAllowed(what + " must be an http or https URL");
        }
        if (uri.getRawUserInfo() != null) {
            throw DomainException.endpointNotAllowed(what + " must not carry user information (user@host)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw DomainException.endpointNotAllowed(what + " must name a host");
        }
        String host = hostOf(uri);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (allowed.allowsHost(host, port)) {
            return new CheckedUrl(uri, host, port, List.of());
        }
        try {
            return new CheckedUrl(uri, host, port, publicAddresses(host));
        } catch (UnknownHostException e) {
            String why = e instanceof RefusedAddress ? e.getMessage() : "its host '" + host + "' does not resolve";
            if (tellWhy) {
                throw DomainException.endpointNotAllowed(what + " is not allowed: " + why);
            }
            LOG.info(() -> "Refused " + what + " on host '" + host + "' without saying why: " + why);
            throw DomainException.endpointNotAllowed(what + " is not allowed: ARV does not connect to this host");
        }
    }

    /** Whether the operator listed the URL's host for its port: features that insist on https let such hosts use http. */
    public boolean listed(CheckedUrl url) {
        return allowed.allowsHost(url.host(), url.port());
    }

    /**
     * The addresses ARV may connect to for a host (listed hosts resolve freely).
     *
     * @throws RefusedAddress when any address is not allowed: a name that resolves to one public and
     *                        one internal address is refused, or a client could be steered to either
     */
    public List<InetAddress> permittedAddresses(String host) throws UnknownHostException {
        String h = normalise(host);
        if (allowed.allowsHostOnAnyPort(h)) {
            return List.of(resolver.resolve(h));
        }
        return publicAddresses(h);
    }

    /** Every address of the host, unless one is internal and outside the listed networks. */
    private List<InetAddress> publicAddresses(String h) throws UnknownHostException {
        List<InetAddress> addresses = resolve(h);
        for (InetAddress address : addresses) {
            Optional<String> refusal = Addresses.refusal(address);
            if (refusal.isPresent() && !allowed.allowsAddress(address)) {
                throw new RefusedAddress("'" + h + "' resolves to " + refusal.get());
            }
        }
        return addresses;
    }

    /** A resolver for OkHttp (the S3 client's HTTP client) that applies {@link #permittedAddresses} to every connection. */
    public okhttp3.Dns dns() {
        return hostname -> permittedAddresses(hostname);
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        if (Addresses.looksNumeric(host)) {
            // Never handed to a resolver: other software reads these forms its own way (0177.0.0.1, 2130706433).
            return List.of(Addresses.numericV4(host).orElseThrow(() -> new RefusedAddress("'" + host + "' is an ambiguous address")));
        }
        if (host.contains(":")) {
            if (host.contains("%")) {
                throw new RefusedAddress("'" + host + "' names a network interface (zone id)");
            }
            return List.of(InetAddress.getByName(host)); // an IPv6 literal, no lookup
        }
        InetAddress[] resolved = resolver.resolve(host);
        if (resolved == null || resolved.length == 0) {
            throw new UnknownHostException(host);
        }
        return List.of(resolved);
    }

    private static String hostOf(URI uri) {
        return normalise(uri.getHost());
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.contains(":") ? h : IDN.toASCII(h, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    }
}
