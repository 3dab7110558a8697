package app.arv.platform;

import app.arv.shared.Cidr;
import app.arv.shared.DomainException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where people reach ARV ({@code ARV_PUBLIC_URL}, e.g. {@code https://ar.example.com}): the base of every link ARV
 * hands out to keep — printed QR codes, links in mails, single sign-on redirects. A printed code is for good, and a
 * mail is read later, so neither may point at whatever address a request came in by (behind a reverse proxy: an
 * internal one, plain http); only when the setting is absent do links fall back to the request's own address.
 *
 * @param configured the setting as given
 */
@Dependent
public record PublicAddress(@ConfigProperty(name = "arv.public-url") Optional<String> configured) {

    private static final Logger LOG = Logger.getLogger(PublicAddress.class.getName());

    @Inject
    public PublicAddress {
    }

    /**
     * The configured public origin (and path prefix, if any) without a trailing slash, or empty when links should use
     * the request's own address.
     *
     * @throws IllegalStateException when the setting is not an absolute http(s) URL
     */
    public Optional<String> url() {
        return configured.map(String::strip).filter(u -> !u.isEmpty()).map(PublicAddress::checked);
    }

    /** The public address, or {@code fallback} (the request's own address) when none is configured. */
    public String or(String fallback) {
        return url().orElse(fallback);
    }

    /**
     * The base for links in a mail that a request has ARV send (a password reset, a sign-up's confirmation, an
     * invitation — an admin's request names its Host as freely as anybody's): the configured address; without one, the request's own address only when it is a loopback address (a trial on
     * one machine). Anybody can write any {@code Host} header: a reset link built on an address of the requester's
     * choosing would hand them the victim's token when the victim follows it.
     *
     * @param requestBase the address the request came in by
     * @throws DomainException 503 {@code public_address_unset} when neither holds
     */
    public String forAnonymousRequest(String requestBase) {
        return orRequestBase(requestBase, isLoopback(requestBase), "A mail with a link", "send links by mail");
    }

    /**
     * The base of a link printed on a QR code: the configured address; without one, the request's own address only when
     * people could use a code printed with it — a trial on this machine (loopback), or ARV serving https itself. A plain
     * http address that is not loopback is what ARV sees behind a reverse proxy that ends TLS: a code printed with it
     * opens a page whose camera the browser refuses (not a secure context), or an internal address, and a printed code
     * cannot be changed afterwards.
     *
     * @param requestBase the address the request came in by
     * @throws DomainException 503 {@code public_address_unset} when neither holds
     */
    public String forPrintedLink(String requestBase) {
        boolean usable = isLoopback(requestBase) || requestBase.toLowerCase(Locale.ROOT).startsWith("https://");
        return orRequestBase(requestBase, usable, "A printed code", "print codes that lead to the viewer");
    }

    /**
     * The configured address; without one, the request's own when {@code usable}, else a 503 the operators hear of.
     *
     * @param asked what was asked for, as the log says it ("A printed code")
     * @param what  what the server cannot do, as the client reads it ("print codes that lead to the viewer")
     */
    private String orRequestBase(String requestBase, boolean usable, String asked, String what) {
        return url().orElseGet(() -> {
            if (!usable) {
                LOG.warning(asked + " was asked for through " + requestBase
                        + " and refused: set ARV_PUBLIC_URL to the address people reach ARV at");
                throw DomainException.publicAddressUnset(what);
            }
            return requestBase;
        });
    }

    /** Whether the URL's host is literally this machine: {@code localhost} or a loopback IP literal (no name is looked up). */
    static boolean isLoopback(String url) {
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (host == null) {
            return false;
        }
        return host.equalsIgnoreCase("localhost") || Cidr.literal(host).map(InetAddress::isLoopbackAddress).orElse(false);
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ARV_PUBLIC_URL is not a URL: " + url, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalStateException("ARV_PUBLIC_URL must look like https://host[:port][/path], got " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
