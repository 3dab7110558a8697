package app.arv.web.request;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * The browser-facing protections on every response of the application: no MIME sniffing, no framing
 * (clickjacking), a referrer that never carries paths to other sites, no powerful browser features,
 * HSTS when {@code ARV_HSTS=true}, and a Content-Security-Policy. The API's answers are data, not
 * documents: they get {@code default-src 'none'}. Pages have their own policy: Swagger UI's here,
 * the AR viewer's in {@link app.arv.web.viewer.ViewerPageServlet}, which replaces these headers.
 *
 * <p>The console's and the viewer's files ({@code /console/}, {@code /ar/}, their vendor modules) are
 * {@code Cache-Control: no-cache}: a browser asks again (a 304 by their {@code ETag} and {@code Last-Modified} when
 * unchanged) rather than keep old code for days after an upgrade, or mix old and new ES modules. A servlet that needs
 * more (the viewer page is {@code no-store}) sets its own.
 *
 * <p>Set before the request runs, so they are on every answer, errors included. Payara's own
 * {@code /health}, {@code /metrics} and {@code /openapi} live outside the application and do not pass here.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    public static final String CSP = "Content-Security-Policy";
    public static final String PERMISSIONS_POLICY = "Permissions-Policy";
    public static final String REFERRER_POLICY = "Referrer-Policy";

    /** For responses that are data (JSON, files): nothing may load, nothing may frame them. */
    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * Swagger UI (bundle and stylesheet from the WAR's webjar, its start script a file of ours): React
     * sets style attributes and the stylesheet embeds data: SVG icons; "Try it out" calls this origin.
     */
    static final String SWAGGER_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'self'";

    /** SHA-256 of the text of the {@code <style>} in @google/model-viewer 4.4.0's dist/model-viewer.min.js (its element template). */
    static final String MODEL_VIEWER_STYLE = "'sha256-PXtZZkJMMyc18o/DN1ZEFOJ2qEGq95IQbVaJFMOXOb0='";

    /**
     * The console ({@code /console/}): its scripts and message files from this WAR only (no inline script); API
     * pictures, previews and models are fetched with the credential and shown from {@code blob:} URLs; the quality
     * check's suggested print comes as a {@code data:} image; {@code connect-src 'self'} covers the same-origin
     * {@code /ws/events} socket. What model-viewer 4.4 (loaded for 3D views only) needs on top, read from its bundle:
     * {@code 'wasm-unsafe-eval'} (it compiles WebAssembly decoders; this allows WebAssembly only, not {@code eval}),
     * the one {@code <style>} element of its shadow DOM template, allowed by its hash ({@link #MODEL_VIEWER_STYLE}),
     * and {@code blob:} fetches of the model's textures. Other styling is files or CSSOM, which CSP does not govern.
     */
    static final String CONSOLE_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' "
            + MODEL_VIEWER_STYLE + "; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' blob:;"
            + " font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** The console's 3D views may enter AR (WebXR) and full screen; every other feature stays off. */
    static final String CONSOLE_FEATURES = features("xr-spatial-tracking", "fullscreen");

    /** Every feature off; the viewer turns the camera (and muted autoplay of its overlay) back on. */
    public static final String NO_FEATURES = features();

    @Inject
    SecurityHeaderRules rules;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        set(request, response, rules);
        chain.doFilter(request, response);
    }

    /**
     * Sets the headers on {@code response}: for this filter, and for a filter that answers a request itself before the
     * chain reaches this one (filter order is the container's), such as {@link RequestBodyLimit}'s refusals.
     */
    static void set(HttpServletRequest request, HttpServletResponse response, SecurityHeaderRules rules) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader(REFERRER_POLICY, "strict-origin-when-cross-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean console = path.startsWith("/console");
        response.setHeader(PERMISSIONS_POLICY, console ? CONSOLE_FEATURES : NO_FEATURES);
        response.setHeader(CSP, path.startsWith("/swagger") ? SWAGGER_POLICY : console ? CONSOLE_POLICY : API_POLICY);
        if (console || path.startsWith("/ar/")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        rules.strictTransportSecurity().ifPresent(value -> response.setHeader("Strict-Transport-Security", value));
    }

    /** A Permissions-Policy: the features browsers know, each off unless named here (then for this origin only). */
    public static String features(String... allowedToSelf) {
        List<String> self = List.of(allowedToSelf);
        StringBuilder policy = new StringBuilder();
        for (String feature : new String[]{"accelerometer", "autoplay", "camera", "display-capture", "encrypted-media",
                "fullscreen", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment",
                "picture-in-picture", "publickey-credentials-get", "screen-wake-lock", "usb", "xr-spatial-tracking"}) {
            String allowed = self.contains(feature) ? "(self)" : "()";
            policy.append(policy.length() == 0 ? "" : ", ").append(feature).append('=').append(allowed);
        }
        return policy.toString();
    }
}
