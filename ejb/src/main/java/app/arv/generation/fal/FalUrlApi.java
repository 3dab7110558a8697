package app.arv.generation.fal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * One URL FAL.AI handed out (status_url, response_url, cancel_url, a result file), built with that
 * URL as its base: FAL's docs say to use the returned URLs rather than composing them.
 */
public interface FalUrlApi {

    @GET
    Response get(@QueryParam("logs") Integer logs);

    @PUT
    Response put();
}
