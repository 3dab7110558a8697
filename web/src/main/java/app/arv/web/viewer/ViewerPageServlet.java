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
        boolean russian = "ru".equals(request.getLocale().getLanguage());
        long retryAfter = rateLimit.refusal(RequestContext.clientAddress());
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            friendly(response, Notice.TOO_MANY_REQUESTS, russian);
            return;
        }
        try {
            viewer.showing(path.substring(1).replace("/", ""));
        } catch (DomainException d) {
            friendly(response, d.status() == 410 ? Notice.ENDED : d.status() >= 500 ? Notice.UNAVAILABLE : Notice.NOT_FOUND, russian);
            return;
        } catch (RuntimeException e) {
            // Whoever scanned a printed code gets a page they can read, not the API's problem document.
            LOG.log(Level.WARNING, "The viewer page could not be served", e);
            friendly(response, Notice.UNAVAILABLE, russian);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (InputStream page = getServletContext().getResourceAsStream("/ar/index.html")) {
            page.transferTo(response.getOutputStream());
        }
    }

    /** What the page says instead of the viewer, in English and in Russian (the languages of the print kits). */
    private enum Notice {
        /** The address's viewer limit is spent. */
        TOO_MANY_REQUESTS(429, "Too many requests", "Please wait a minute and try again.",
                "Слишком много запросов", "Подождите минуту и попробуйте снова."),
        /** The content is past its expiry or its active period. */
        ENDED(410, "This AR experience has ended", "The content behind this code is no longer available.",
                "Показ этого AR-контента завершён", "Содержимое по этому коду больше недоступно."),
        /** ARV could not tell (the database away, a dependency failing): not the code's fault. */
        UNAVAILABLE(503, "The AR viewer is unavailable right now", "Please try again in a minute.",
                "AR-просмотр сейчас недоступен", "Попробуйте ещё раз через минуту."),
        /** No content shows behind the code (unknown, unpublished, not yet active, its organization deactivated). */
        NOT_FOUND(404, "Nothing to see here (yet)", "We could not find AR content for this code. Check the link, or try again later.",
                "Здесь пока ничего нет", "Мы не нашли AR-контент для этого кода. Проверьте ссылку или попробуйте позже.");

        final int status;
        final String title;
        final String text;
        final String russianTitle;
        final String russianText;

        Notice(int status, String title, String text, String russianTitle, String russianText) {
            this.status = status;
            this.title = title;
            this.text = text;
            this.russianTitle = russianTitle;
            this.russianText = russianText;
        }
    }

    private void friendly(HttpServletResponse response, Notice notice, boolean russian) throws IOException {
        String title = russian ? notice.russianTitle : notice.title;
        String text = russian ? notice.russianText : notice.text;
        response.setStatus(notice.status);
        if (notice == Notice.UNAVAILABLE) {
            response.setHeader("Retry-After", "60");
        }
        policy.friendly(response, FRIENDLY_STYLE);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        String html = "<!doctype html><html lang=\"" + (russian ? "ru" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title + "</title>"
                + "<style>" + FRIENDLY_STYLE + "</style>"
                + "</head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
