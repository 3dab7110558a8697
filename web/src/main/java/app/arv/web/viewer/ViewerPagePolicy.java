package app.arv.web.viewer;

import app.arv.shared.Sha256;
import app.arv.web.request.SecurityHeaders;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers of the viewer page ({@code /ar/<unique id>}), replacing the application's defaults.
 * Everything the page runs comes from this WAR (page, three.js, mind-ar 1.2.5), so the policy names
 * no other origin. What mind-ar 1.2.5's {@code dist/} needs, read from the bundle:
 * <ul>
 *   <li>{@code worker-src blob:} — the controller starts its tracking workers from {@code Blob} URLs of
 *       inlined scripts (a {@code data:} URL is only its fallback; not allowed);</li>
 *   <li>{@code 'wasm-unsafe-eval'} — the bundled long.js compiles a constant 200-byte WebAssembly
 *       module for 64-bit multiplication (it falls back to JS, but reports a violation); this allows
 *       WebAssembly compilation only, not JavaScript {@code eval};</li>
 *   <li>one {@code <style>} element that {@code ui-*.js} injects for its loading and scanning overlays:
 *       allowed by its hash, not by {@code 'unsafe-inline'} (other styling is CSSOM, which CSP does not govern);</li>
 *   <li>{@code connect-src 'self' blob:} and {@code img-src blob:} — three's GLTFLoader turns a GLB's
 *       embedded textures into {@code Blob} URLs and fetches them; {@code img-src data:} for the page's
 *       empty icon.</li>
 * </ul>
 * The page's import map is inline (browsers take no external import maps): allowed by its hash,
 * computed from {@code /ar/index.html} itself. No referrer leaves the page (its URL is the content's
 * public id); the camera is the one browser feature on (plus autoplay, for the muted overlay video
 * that starts when the target is found, not on a tap).
 */
final class ViewerPagePolicy {

    /** SHA-256 of the CSS string mind-ar 1.2.5's dist/ui-fBadYuor.js puts in its <style> element. */
    static final String MINDAR_UI_STYLE = "'sha256-h4EYiXepVsBYC61eGB76YyueNhn/mDXX8h8BgYtjIio='";
    private static final Pattern IMPORT_MAP = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private final String pagePolicy;

    private ViewerPagePolicy(String importMapHash) {
        this.pagePolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' " + importMapHash + "; style-src 'self' "
                + MINDAR_UI_STYLE + "; img-src 'self' data: blob:; media-src 'self'; connect-src 'self' blob:;"
                + " worker-src blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }

    static ViewerPagePolicy of(ServletContext context) {
        try (InputStream page = context.getResourceAsStream("/ar/index.html")) {
            Matcher importMap = IMPORT_MAP.matcher(new String(page.readAllBytes(), StandardCharsets.UTF_8));
            if (!importMap.find()) {
                throw new IllegalStateException("/ar/index.html has no import map");
            }
            return new ViewerPagePolicy(hash(importMap.group(1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The viewer page itself. */
    void page(HttpServletResponse response) {
        response.setHeader(SecurityHeaders.CSP, pagePolicy);
        common(response);
    }

    /** A friendly error page: nothing but its own inline style. */
    void friendly(HttpServletResponse response, String style) {
        response.setHeader(SecurityHeaders.CSP, "default-src 'none'; style-src " + hash(style)
                + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        common(response);
    }

    private static void common(HttpServletResponse response) {
        response.setHeader(SecurityHeaders.REFERRER_POLICY, "no-referrer");
        response.setHeader(SecurityHeaders.PERMISSIONS_POLICY, SecurityHeaders.features("camera", "autoplay"));
    }

    private static String hash(String text) {
        return "'sha256-" + Base64.getEncoder().encodeToString(Sha256.of(text)) + "'";
    }
}
