package app.arv.web.storage;

import app.arv.media.MediaDeletions;
import app.arv.media.OrphanScan;
import app.arv.persistence.media.MediaDeletionDeadLetter;
import app.arv.security.CallerRole;
import app.arv.storage.StorageConnectionService;
import app.arv.storage.StorageUsage;
import app.arv.web.ApiDescription;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("admin/storage")
@Produces(MediaType.APPLICATION_JSON)
public class StorageAdminResource implements ApiDescription.Admin {

    @Inject
    MediaDeletions deletions;

    @Inject
    OrphanScan orphanScan;

    @Inject
    StorageConnectionService connections;

    @Inject
    CurrentCaller caller;

    @GET
    @Path("dead-letters")
    @RequiresRole({CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN})
    @Operation(summary = "Object deletions that kept failing (org admins: their own; platform admins: all)")
    public Map<String, List<DeadLetterView>> deadLetters() {
        return Map.of("items", deletions.deadLetters(caller.get()).stream().map(DeadLetterView::of).toList());
    }

    @POST
    @Path("orphan-scan")
    @Consumes(MediaType.WILDCARD)
    @RequiresRole(CallerRole.PLATFORM_ADMIN)
    @Operation(summary = "Run the orphan scan and the owed deletions now")
    public OrphanScan.Report scan() {
        return orphanScan.run();
    }

    @GET
    @Path("usage")
    @RequiresRole(CallerRole.ORG_ADMIN)
    @Operation(summary = "Objects and bytes my organization has in the store it writes to now")
    public StorageUsage usage() {
        return connections.currentStats(caller.get());
    }

    public record DeadLetterView(UUID id, UUID organizationId, UUID resourceId, UUID storageConnectionId, String storageKey,
            int attempts, String lastError, Instant firstAttemptAt, Instant parkedAt) {

        static DeadLetterView of(MediaDeletionDeadLetter l) {
            return new DeadLetterView(l.getId(), l.getOrganizationId(), l.getResourceId(), l.getStorageConnectionId(),
                    l.getStorageKey(), l.getAttempts(), l.getLastError(), l.getFirstAttemptAt(), l.getParkedAt());
        }
    }
}
