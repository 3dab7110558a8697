package app.arv.printkit;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Print kits and QR codes: where printed links point, and how large a project's kit may be.
 *
 * @param publicUrl the address people reach ARV at ({@code https://ar.example.com}). A printed code is for good, so it
 *        must not point at whatever address a request came in by (behind a reverse proxy: an internal one, plain http).
 * @param maxPages a kit is built before it is sent (so a refusal is still a problem): this bounds its time and temporary file
 */
@Dependent
public record PrintKitRules(
        @ConfigProperty(name = "arv.public-url") Optional<String> publicUrl,
        @ConfigProperty(name = "arv.print-kit.max-pages", defaultValue = "100") int maxPages) {

    @Inject
    public PrintKitRules {
    }

    /**
     * The configured public origin (and path prefix, if any) without a trailing slash, or empty when links
     * should use the request's own address.
     *
     * @throws IllegalStateException when the setting is not an absolute http(s) URL
     */
    @Override
    public Optional<String> publicUrl() {
        return publicUrl.map(String::strip).filter(u -> !u.isEmpty()).map(PrintKitRules::checked);
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
