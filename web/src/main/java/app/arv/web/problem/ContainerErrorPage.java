package app.arv.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The servlet container refuses some requests before JAX-RS sees them — encoded slashes and NULs in
 * paths, malformed escapes, oversized headers, unknown paths outside the API — and would answer with
 * its own HTML page naming the server. WEB-INF/web.xml sends those errors here, so they too are
 * problems in ARV's one format and reveal nothing about the server.
 */
@WebServlet(urlPatterns = ContainerErrorPage.PATH)
public class ContainerErrorPage extends HttpServlet {

    static final String PATH = "/_problem";

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES));

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer known ? known : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String detail = status >= 500
                ? "Something went wrong on our side; quote the request id when you report it"
                : status == 404 ? "No resource at this path" : "The server could not read this request";
        Problem problem = Problem.of(status, status >= 500 ? "internal_error" : WebApplicationExceptionMapper.codeOf(status), detail,
                uri == null ? null : uri.toString(), response.getHeader("X-Request-ID"));
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(problem));
    }
}
