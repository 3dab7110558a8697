package app.arv.web.audit;

import app.arv.audit.AuditLog;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** Any organization's audit log, read by the installation's operators. */
@Path("organizations/{id}/audit-events")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationAuditResource implements ApiDescription.Audit {

    @Inject
    AuditLog log;

    @GET
    @Operation(summary = "An organization's audit log (platform admins), with the filters of GET /audit-events")
    public PageView<AuditEventView> list(@PathParam("id") UUID id, @BeanParam AuditQuery query, @Valid @BeanParam Paging paging) {
        return PageView.of(log.listOf(id, query.toFilter(), paging.toRequest()), AuditEventView::of);
    }
}
