package app.arv.web.it;

import io.restassured.filter.FilterContext;
import io.restassured.filter.log.RequestLoggingFilter;
import io.restassured.internal.ResponseSpecificationImpl;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.restassured.specification.MultiPartSpecification;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The request half of what RestAssured prints when a response fails its expectations (the response half stays
 * RestAssured's): method, URI, headers, a body of text, and each multipart part by name, file name, type and size.
 * RestAssured's own request log writes a part's bytes out as a Groovy list ("[-119, 80, 78, …]"), and writes it for every
 * request in case an expectation fails: a quarter of the suite JVM's CPU (a JFR profile of the web ITs), for text nobody
 * reads. Being a {@link RequestLoggingFilter}, this one stands in for RestAssured's, which is added only to a request
 * that has none; it writes where RestAssured's would have, the request's log repository (printed on a failure only).
 */
final class CompactRequestLog extends RequestLoggingFilter {

    /** A longer body of text is cut here: a request's JSON is shorter, and the response tells what went wrong. */
    private static final int MOST_TEXT = 4096;

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        if (response instanceof ResponseSpecificationImpl expectations && expectations.getLogRepository() != null) {
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            expectations.getLogRepository().registerRequestLog(log);
            PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
            out.println("Request method:\t" + request.getMethod());
            out.println("Request URI:\t" + request.getURI());
            out.println("Headers:\t\t" + request.getHeaders().toString().replace("\n", "\n\t\t\t\t"));
            for (MultiPartSpecification part : request.getMultiPartParams()) {
                out.println("Multipart:\t\tname=" + part.getControlName() + (part.hasFileName() ? "; filename=" + part.getFileName() : "")
                        + "; type=" + part.getMimeType() + "; " + described(part.getContent()));
            }
            if (request.getBody() != null) {
                out.println("Body:\n" + described(request.getBody()));
            }
        }
        return ctx.next(request, response);
    }

    private static String described(Object content) {
        if (content instanceof byte[] bytes) {
            return bytes.length + " bytes";
        }
        if (content instanceof File file) {
            return "file " + file + " (" + file.length() + " bytes)";
        }
        String text = String.valueOf(content);
        return text.length() <= MOST_TEXT ? text : text.substring(0, MOST_TEXT) + "… (" + text.length() + " characters)";
    }
}
