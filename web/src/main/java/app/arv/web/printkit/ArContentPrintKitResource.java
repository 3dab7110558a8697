package app.arv.web.printkit;

import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * One AR content's print kit. Its own root resource with the whole path: a class at {@code ar-content/{id}}
 * would take every {@code /ar-content/{id}/...} request away from {@code ArContentResource}.
 */
@Path("ar-content/{id}/print-kit.pdf")
@RequiresRole(CallerRole.MEMBER)
public class ArContentPrintKitResource implements ApiDescription.Markers {

    @Inject
    PrintKitDownloads downloads;

    @GET
    @Produces({PrintKitDownloads.PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "A one-page PDF to print: the portrait at size A6, A5 (default), A4 or 10x15 (cm), its viewer QR code and "
            + "a one-line instruction (lang= or Accept-Language: en, ru); bleed=true adds 3 mm bleed and crop marks (bleed other than true or false: 400 invalid_filter)")
    public Response kit(@PathParam("id") UUID id, @Valid @BeanParam KitParameters parameters, @Context HttpHeaders headers,
            @Context UriInfo request) {
        return downloads.ofContent(id, parameters, headers, request);
    }
}
