package app.arv.platform;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

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
