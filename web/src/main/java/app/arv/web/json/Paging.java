package app.arv.web.json;

import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** {@code ?limit=&offset=} of every listing, validated like any other input. */
public class Paging {

    @QueryParam("limit")
    @DefaultValue("50")
    @Min(1)
    @Max(Page.MAX_LIMIT)
    int limit;

    @QueryParam("offset")
    @DefaultValue("0")
    @Min(0)
    int offset;

    public PageRequest toRequest() {
        return new PageRequest(limit, offset);
    }
}
