package app.arv.web.viewer;

import app.arv.marker.ViewerRateLimit;
import app.arv.marker.ViewerService;
import app.arv.shared.DomainException;
import app.arv.web.logging.RequestContext;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code /ar/<unique id>}: the viewer page for people who scanned a code, with a friendly page
 * (not a problem document) when the content is unknown (404) or over (410). Everything else under
 * {@code /ar/} is the page's static files, served by the container's default servlet. Both speak the visitor's language
 * ({@link ViewerMessages#languageOf}): the friendly pages say it from {@link ViewerMessages}, and the viewer page carries
 * the same messages for {@code viewer.js}, which says them when something goes wrong after the page was served.
 */
@WebServlet("/ar/*")
public class ViewerPageServlet extends HttpServlet {

    private static final String FRIENDLY_STYLE = "body{font-family:system-ui,sans-serif;display:flex;min-height:100vh;margin:0;"
            + "align-items:center;justify-content:center;background:#111;color:#eee;text-align:center}main{max-width:28rem;padding:2rem}";
    /** A unique id, with the trailing slash some scanner apps add. */
    private static final Pattern UNIQUE_ID = Pattern.compile("/[0-9A-Za-z]{16,24}/?");
    private static final String PAGE = "/ar/index.html";
    private static final String PAGE_LANGUAGE = "<html lang=\"en\">";
    /** Where the page takes its messages: empty in the file, filled with each language's when the servlet starts. */
    private static final String PAGE_MESSAGES = "<script type=\"application/json\" id=\"viewer-messages\"></script>";
    private static final Logger LOG = Logger.getLogger(ViewerPageServlet.class.getName());

    @Inject
    ViewerService viewer;

    @Inject
    ViewerRateLimit rateLimit;

    private ViewerPagePolicy policy;
    private ViewerMessages messages;
    /** The viewer page in each language it speaks, its messages in it: made once, served to every scan. */
    private Map<String, byte[]> pages;

    @Override
    public void init() {
        policy = ViewerPagePolicy.of(getServletContext());
        messages = ViewerMessages.of(getServletContext());
        String page;
        try (InputStream file = getServletContext().getResourceAsStream(PAGE)) {
            page = new String(file.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!page.contains(PAGE_LANGUAGE) || !page.contains(PAGE_MESSAGES)) {
            throw new IllegalStateException(PAGE + " has no " + PAGE_LANGUAGE + " or no " + PAGE_MESSAGES);
        }
        pages = new HashMap<>();
        for (String language : ViewerMessages.LANGUAGES) {
            pages.put(language, page.replace(PAGE_LANGUAGE, "<html lang=\"" + language + "\">")
                    .replace(PAGE_MESSAGES, PAGE_MESSAGES.replace("></", ">" + messages.embeddable(language) + "</"))
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String path = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (!UNIQUE_ID.matcher(path).matches()) {
            getServletContext().getNamedDispatcher("default").forward(request, response);
            return;
        }
        policy.page(response);
        String language = ViewerMessages.languageOf(request.getLocales());
        long retryAfter = rateLimit.refusal(RequestContext.clientAddress());
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            friendly(response, Notice.RATE_LIMITED, language, Map.of("seconds", retryAfter));
            return;
        }
        try {
            viewer.showing(path.substring(1).replace("/", ""));
        } catch (DomainException d) {
            friendly(response, d.status() == 410 ? Notice.GONE : d.status() >= 500 ? Notice.UNAVAILABLE : Notice.NOT_FOUND, language, Map.of());
            return;
        } catch (RuntimeException e) {
            // Whoever scanned a printed code gets a page they can read, not the API's problem document.
            LOG.log(Level.WARNING, "The viewer page could not be served", e);
            friendly(response, Notice.UNAVAILABLE, language, Map.of());
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(pages.get(language));
    }

    /** What the page says instead of the viewer: the message of the phase {@code viewer.js} shows in the same situation. */
    private enum Notice {
        /** The address's viewer limit is spent. */
        RATE_LIMITED(429, "rate-limited"),
        /** The content is past its expiry or its active period. */
        GONE(410, "gone"),
        /** ARV could not tell (the database away, a dependency failing): not the code's fault. */
        UNAVAILABLE(503, "unavailable"),
        /** No content shows behind the code (unknown, unpublished, not yet active, its organization deactivated). */
        NOT_FOUND(404, "not-found");

        final int status;
        final String phase;

        Notice(int status, String phase) {
            this.status = status;
            this.phase = phase;
        }
    }

    private void friendly(HttpServletResponse response, Notice notice, String language, Map<String, ?> values) throws IOException {
        String title = escaped(messages.title(language, notice.phase));
        String text = escaped(messages.text(language, notice.phase, values));
        response.setStatus(notice.status);
        if (notice == Notice.UNAVAILABLE) {
            response.setHeader("Retry-After", "60");
        }
        policy.friendly(response, FRIENDLY_STYLE);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String html = "<!doctype html><html lang=\"" + language + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>" + FRIENDLY_STYLE + "</style>"
                + "</head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    /** A message as HTML text (the dictionary holds plain text: an apostrophe or "&" stays what it is). */
    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
