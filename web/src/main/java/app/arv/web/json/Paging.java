package app.arv.web.json;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.ws.rs.QueryParam;

/**
 * {@code ?limit=&offset=} of every listing, and the one rule for them: a value that is not a whole number within its
 * bounds is refused (400 {@code validation_failed}, the parameter named in {@code errors[].field}), never clamped, and
 * whether it is unreadable ({@code ?limit=abc}) or out of range ({@code ?limit=0}) makes no difference. Held as text so
 * that JAX-RS's conversion cannot answer 404 first ({@link WholeNumberParam}). Constraints on a bean's fields, neither
 * on the parameters nor with {@code @Parameter}: Payara's OpenAPI scanner fails on both, and leaves a bean's fields out of
 * the document, so {@code PagingParameters} documents these two on every operation that answers a page.
 */
public class Paging {

    public static final int MIN_LIMIT = 1;
    public static final int MIN_OFFSET = 0;

    @QueryParam("limit")
    @WholeNumberParam(min = MIN_LIMIT, max = Page.MAX_LIMIT)
    String limit;

    @QueryParam("offset")
    @WholeNumberParam(min = MIN_OFFSET)
    String offset;

    /** The slice asked for; only for a validated {@code Paging} ({@code @Valid @BeanParam}, which every listing declares). */
    public PageRequest toRequest() {
        return new PageRequest(read(limit, MIN_LIMIT, Page.MAX_LIMIT, Page.DEFAULT_LIMIT), read(offset, MIN_OFFSET, Integer.MAX_VALUE, MIN_OFFSET));
    }

    private static int read(String value, int min, int max, int absent) {
        if (value == null) {
            return absent;
        }
        return WholeNumberParam.Check.read(value, min, max).orElseThrow(() -> new IllegalStateException(
                "Paging read without its validation (@Valid missing on a listing's @BeanParam Paging): " + value));
    }
}
