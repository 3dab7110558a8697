package app.arv.web.viewer;

import app.arv.marker.ViewerRateLimit;
import app.arv.marker.ViewerService;
import app.arv.shared.DomainException;
import app.arv.web.request.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /ar/<unique id>}: the viewer page for people who scanned a code, with a friendly page
 * (not a problem document) when the content is unknown (404) or over (410). Everything else under
 * {@code /ar/} is the page's static files, served by the container's default servlet.
 */
@WebServlet("/ar/*")
public class ViewerPageServlet extends HttpServlet {

    private static final String FRIENDLY_STYLE = "body{font-family:system-ui,sans-serif;display:flex;min-height:100vh;margin:0;"
            + "align-items:center;justify-content:center;background:#111;color:#eee;text-align:center}main{max-width:28rem;padding:2rem}";
    /** A unique id, with the trailing slash some scanner apps add. */
    private static final Pattern UNIQUE_ID = Pattern.compile("/[0-9A-Za-z]{16,24}/?");
    private static final Logger LOG = Logger.getLogger(ViewerPageServlet.class.getName());

    @Inject
    ViewerService viewer;

    @Inject
    ViewerRateLimit rateLimit;

    private ViewerPagePolicy policy;

    @Override
    public void init() {
        policy = ViewerPagePolicy.of(getServletContext());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!UNIQUE_ID.matcher(path).matches()) {
            getServletContext().getNamedDispatcher("default").forward(request, response);
            return;
        }
        policy.page(response);
        long retryAfter = rateLimit.refusal(RequestContext.clientAddress());
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            friendly(response, 429, "Too many requests", "Please wait a minute and try again.");
            return;
        }
        try {
            viewer.showing(path.substring(1).replace("/", ""));
        } catch (DomainException d) {
            refuse(response, d);
            return;
        } catch (RuntimeException e) {
            // Whoever scanned a printed code gets a page they can read, not the API's problem document.
            LOG.log(Level.WARNING, "The viewer page could not be served", e);
            response.setHeader("Retry-After", "60");
            friendly(response, 503, "The AR viewer is unavailable right now", "Please try again in a minute.");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream page = getServletContext().getResourceAsStream("/ar/index.html")) {
            page.transferTo(response.getOutputStream());
        }
    }

    private void refuse(HttpServletResponse response, DomainException e) throws IOException {
        if (e.status() == 410) {
            friendly(response, 410, "This AR experience has ended", "The content behind this code is no longer available.");
        } else if (e.status() >= 500) {
            response.setHeader("Retry-After", "60");
            friendly(response, 503, "The AR viewer is unavailable right now", "Please try again in a minute.");
        } else {
            friendly(response, 404, "Nothing to see here (yet)",
                    "We could not find AR content for this code. Check the link, or try again later.");
        }
    }

    private void friendly(HttpServletResponse response, int status, String title, String text) throws IOException {
        response.setStatus(status);
        policy.friendly(response, FRIENDLY_STYLE);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>" + FRIENDLY_STYLE + "</style>"
                + "</head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
