package app.arv.web.usage;

import app.arv.protection.QuotaLimits;
import app.arv.protection.Quotas;
import app.arv.protection.Usage;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** What my organization uses of each quota, next to the quota, and its request limits. */
@Path("usage")
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource implements ApiDescription.Admin {

    @Inject
    CurrentCaller caller;

    @Inject
    Quotas quotas;

    @GET
    @Operation(summary = "My organization's use of its quotas this month (UTC) and its request limits")
    public UsageView usage() {
        UUID org = caller.get().organizationId();
        return UsageView.of(org, quotas.usage(org));
    }

    public record UsageView(UUID organizationId, String month, Use storedBytes, Use generationsPerMonth, boolean falAllowed,
            Use falItemsPerMonth, Requests requests) {

        static UsageView of(UUID org, Usage usage) {
            QuotaLimits limits = usage.limits();
            return new UsageView(org, usage.month().toString(),
                    new Use(usage.storedBytes(), limits.storedBytes()),
                    new Use(usage.generationItems(), limits.generationsPerMonth()),
                    limits.falAllowed(),
                    new Use(usage.falItems(), limits.falItemsPerMonth()),
                    new Requests(limits.requestsPerMinute(), limits.requestsPerHour(), limits.uploadsPerMinute(),
                            limits.organizationRequestsPerMinute(), limits.organizationRequestsPerHour()));
        }
    }

    /** @param used what is used now (this month, for monthly quotas) */
    public record Use(long used, long quota) {
    }

    /**
     * @param perMinute per credential (API key, or person), as {@code perHour} and {@code uploadsPerMinute}
     * @param organizationPerMinute all the organization's credentials together, as {@code organizationPerHour}
     */
    public record Requests(int perMinute, int perHour, int uploadsPerMinute, int organizationPerMinute, int organizationPerHour) {
    }
}
