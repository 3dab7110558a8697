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

/** A project's print kit: a page per AR content (failed markers left out), at most {@code ARV_PRINT_KIT_MAX_PAGES}. */
@Path("projects/{id}/print-kit.pdf")
@RequiresRole(CallerRole.MEMBER)
public class ProjectPrintKitResource implements ApiDescription.Projects {

    @Inject
    PrintKitDownloads downloads;

    @GET
    @Produces({PrintKitDownloads.PDF, MediaType.APPLICATION_JSON})
    @Operation(summary = "A PDF with a page per AR content of the project, in creation order, published or not, except failed "
            + "markers; size, bleed and lang as for one AR content; 409 nothing_to_print, 422 too_many_pages past the limit")
    public Response kit(@PathParam("id") UUID id, @Valid @BeanParam KitParameters parameters, @Context HttpHeaders headers,
            @Context UriInfo request) {
        return downloads.ofProject(id, parameters, headers, request);
    }
}
