package app.arv.web.request;

import app.arv.media.UploadRules;
import app.arv.shared.DomainException;
import app.arv.web.problem.DomainExceptionMapper;
import app.arv.web.problem.RequestBodyFailures;
import app.arv.web.problem.RequestBodyFailures.Incomplete;
import app.arv.web.problem.RequestBodyFailures.TooLarge;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds multipart request bodies to {@link UploadRules#maxRequestBytes()} while they stream in, before the
 * multipart reader buffers parts to temporary files: a declared Content-Length over the limit is refused at
 * once (413 {@code payload_too_large}, nothing read), and a body without one (chunked) is cut off at the first
 * byte past the limit — the reader's {@link TooLarge} failure becomes the same 413, and the reader removes the
 * temporary files of the parts it had begun. The refusal closes the connection, so the rest of the body is
 * never read. A body whose client stops sending it (closes the connection halfway) fails the reader with
 * {@link Incomplete}: a 400 {@code body_incomplete} nobody may be there to read, not a failure of ARV's.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    /** Headers of a failed answer that describe it, not the exchange: the refusal that replaces it has its own. */
    private static final Set<String> ANSWERS_OWN = Set.of("content-type", "content-length", "content-encoding",
            "content-language", "content-disposition", "content-range", "transfer-encoding", "etag", "last-modified",
            "location", "retry-after", "connection");

    @Inject
    UploadRules rules;

    @Inject
    SecurityHeaderRules securityRules;

    @Inject
    CorsRules corsRules;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        long limit = rules.maxRequestBytes();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response, RequestBodyFailures.tooLarge(limit));
            return;
        }
        Limited limited = new Limited(request, limit);
        chain.doFilter(limited, response);
        if (limited.exceeded && !response.isCommitted() && response.getStatus() != 413) {
            // The reader's failure did not reach our exception mappers as such (an unexpected wrapping): answer it here,
            // in place of the failed answer's status and body but with the headers every answer has (the request id,
            // the security and CORS headers).
            Map<String, List<String>> kept = new LinkedHashMap<>();
            for (String name : response.getHeaderNames()) {
                if (!ANSWERS_OWN.contains(name.toLowerCase(Locale.ROOT))) {
                    kept.put(name, List.copyOf(response.getHeaders(name)));
                }
            }
            response.reset();
            kept.forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            refuse(request, response, RequestBodyFailures.tooLarge(limit));
        }
    }

    /**
     * Answered before the chain may have reached the security-headers filter (filter order is the container's): the
     * refusal carries its headers as any other answer does, and the CORS headers (a browser front end would otherwise see
     * a network error, not the 413).
     */
    private void refuse(HttpServletRequest request, HttpServletResponse response, DomainException problem) throws IOException {
        SecurityHeaders.set(request, response, securityRules);
        corsRules.set(request, response);
        ServletProblem.write(request, response, new DomainExceptionMapper().toResponse(problem), true);
    }

    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream counted;
        private volatile boolean exceeded;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new Counted(super.getInputStream());
            }
            return counted;
        }

        private final class Counted extends ServletInputStream {

            private final ServletInputStream in;
            private long read;

            Counted(ServletInputStream in) {
                this.in = in;
            }

            private int count(int n) throws TooLarge {
                if (n > 0) {
                    read += n;
                    if (read > limit) {
                        exceeded = true;
                        throw new TooLarge(limit);
                    }
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int b;
                try {
                    b = in.read();
                } catch (IOException e) {
                    throw new Incomplete(e);
                }
                if (b >= 0) {
                    count(1);
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n;
                try {
                    n = in.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new Incomplete(e);
                }
                return count(n);
            }

            @Override
            public int available() throws IOException {
                return in.available();
            }

            @Override
            public boolean isFinished() { return in.isFinished(); }

            @Override
            public boolean isReady() { return in.isReady(); }

            @Override
            public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        }
    }
}
