package app.arv.web.json;

import app.arv.persistence.shared.SearchText;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

/** {@code ?q=} of a listing that can be searched: part of a name or title, any case (constraints on a bean, not the parameter: Payara's OpenAPI scanner). */
public class Search {

    @QueryParam("q")
    @Size(max = SearchText.MAX_LENGTH)
    @PlainTextParam
    String q;

    public String text() {
        return q;
    }
}
