package app.arv.web.organization;

import app.arv.protection.QuotaLimits;
import app.arv.protection.QuotaOverrides;
import app.arv.protection.Quotas;
import app.arv.protection.RequestLimits;
import app.arv.security.CallerRole;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** An organization's request limits and quotas, set by the installation's operators. */
@Path("organizations/{id}/quotas")
@RequiresRole(CallerRole.PLATFORM_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class OrganizationQuotaResource implements ApiDescription.Admin {

    @Inject
    Quotas quotas;

    @Inject
    RequestLimits requestLimits;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "The organization's overrides (null: the default) and the limits in force")
    public QuotaView get(@PathParam("id") UUID id) {
        return new QuotaView(id, quotas.overrides(id), quotas.limits(id));
    }

    @PUT
    @Operation(summary = "Replace the organization's overrides; a missing or null field returns it to the default")
    public QuotaView put(@PathParam("id") UUID id, @Valid QuotaChange request) {
        QuotaOverrides overrides = quotas.override(caller.get(), id, request.toOverrides());
        requestLimits.forget(id);
        return new QuotaView(id, overrides, quotas.limits(id));
    }

    public static class QuotaChange {
        @Min(1)
        public Integer requestsPerMinute;

        @Min(1)
        public Integer requestsPerHour;

        @Min(1)
        public Integer uploadsPerMinute;

        @Min(0)
        public Long storedBytes;

        @Min(0)
        public Integer generationsPerMonth;

        public Boolean falAllowed;

        @Min(0)
        public Integer falItemsPerMonth;

        /** All the organization's credentials together (the others above are per credential). */
        @Min(1)
        public Integer organizationRequestsPerMinute;

        @Min(1)
        public Integer organizationRequestsPerHour;

        QuotaOverrides toOverrides() {
            return new QuotaOverrides(requestsPerMinute, requestsPerHour, uploadsPerMinute, storedBytes, generationsPerMonth,
                    falAllowed, falItemsPerMonth, organizationRequestsPerMinute, organizationRequestsPerHour);
        }
    }

    public record QuotaView(UUID organizationId, QuotaOverrides overrides, QuotaLimits effective) {
    }
}
