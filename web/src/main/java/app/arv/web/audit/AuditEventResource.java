package app.arv.web.audit;

import app.arv.audit.AuditLog;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log of the caller's organization, read by its admins. */
@Path("audit-events")
@RequiresRole(CallerRole.ORG_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventResource implements ApiDescription.Audit {

    @Inject
    AuditLog log;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My organization's audit log, newest first; filter by action (repeatable), actor, subject, from, to")
    public PageView<AuditEventView> list(@BeanParam AuditQuery query, @Valid @BeanParam Paging paging) {
        return PageView.of(log.list(caller.get(), query.toFilter(), paging.toRequest()), AuditEventView::of);
    }
}
