package app.arv.web.storage;

import app.arv.persistence.storage.ConnectionHolders;
import app.arv.storage.StorageConnectionInUse;
import app.arv.web.Links;
import app.arv.web.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * 409 {@code storage_connection_in_use} with what holds the connection: the detail names the API's paths that show or
 * clear each kind as links ({@link Links}), and {@code holding} counts them for programs.
 */
@Provider
public class StorageConnectionInUseMapper implements ExceptionMapper<StorageConnectionInUse> {

    @Override
    public Response toResponse(StorageConnectionInUse e) {
        ConnectionHolders holders = e.holders();
        return Problem.of(e.status(), e.code(), e.detail(Links.ROOT))
                .withHolding(new Problem.Holding(holders.media(), holders.owedDeletions(), holders.owedDueFrom(),
                        holders.deadLetters(), holders.directUploads(), holders.uploadsOpenUntil()))
                .toResponse();
    }
}
