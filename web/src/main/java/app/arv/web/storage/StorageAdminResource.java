package app.arv.web.storage;

import app.arv.media.MediaDeletions;
import app.arv.media.OrphanScan;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionDeadLetter;
import app.arv.security.CallerRole;
import app.arv.storage.StorageConnectionService;
import app.arv.storage.StorageUsage;
import app.arv.web.ApiDescription;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.json.SnakeCaseEnum;
import app.arv.web.security.CurrentCaller;
import app.arv.web.security.RequiresRole;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTypeSerializer;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
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
    @Operation(summary = "Object deletions that kept failing (org admins: their own; platform admins: all), newest first;"
            + " each is tried again at a capped interval until the store accepts it")
    public PageView<DeadLetterView> deadLetters(@Valid @BeanParam Paging paging) {
        return PageView.of(deletions.deadLetters(caller.get(), paging.toRequest()), DeadLetterView::of);
    }

    @POST
    @Path("dead-letters/{id}/retry")
    @Consumes(MediaType.WILDCARD)
    @RequiresRole({CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN})
    @Operation(summary = "Try a dead letter's deletion again now (once its store is fixed): deleted, or still parked with the"
            + " new failure; 409 dead_letter_busy while the timer retries it")
    public Retried retry(@PathParam("id") UUID id) {
        return deletions.retryNow(caller.get(), id).map(parked -> new Retried(false, DeadLetterView.of(parked)))
                .orElseGet(() -> new Retried(true, null));
    }

    @GET
    @Path("deletions")
    @RequiresRole({CallerRole.ORG_ADMIN, CallerRole.PLATFORM_ADMIN})
    @Operation(summary = "Object deletions still owed (org admins: their own; platform admins: all), soonest due first: of"
            + " deleted media, and of files staged and never recorded (their node stopped before the recording; due once"
            + " ARV_MEDIA_ORPHAN_GRACE is over); each holds its storage connection until the deletion timer carries it out")
    public PageView<OwedDeletionView> owedDeletions(@Valid @BeanParam Paging paging) {
        return PageView.of(connections.owedDeletions(caller.get(), paging.toRequest()), OwedDeletionView::of);
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

    /** @param deadLetter as it stands after the retry, when it is still parked */
    public record Retried(boolean deleted, DeadLetterView deadLetter) {
    }

    /**
     * {@code why}: {@code retired_media} for a deleted file's object, {@code staged_not_recorded} for an object written and
     * never recorded (its {@code resource_id} is {@code null}); {@code attempts} the failed ones so far, {@code last_error}
     * the last one's failure; {@code next_attempt_at} when it is due.
     */
    public record OwedDeletionView(UUID id, UUID organizationId, UUID resourceId, UUID storageConnectionId, String storageKey,
            @JsonbTypeSerializer(SnakeCaseEnum.class) @Schema(implementation = String.class) Why why, int attempts,
            String lastError, Instant createdAt, Instant nextAttemptAt) {

        /** Why a deletion is owed. */
        public enum Why {
            RETIRED_MEDIA, STAGED_NOT_RECORDED
        }

        static OwedDeletionView of(MediaDeletion d) {
            return new OwedDeletionView(d.getId(), d.getOrganizationId(), d.getResourceId(), d.getStorageConnectionId(),
                    d.getStorageKey(), d.getResourceId() == null ? Why.STAGED_NOT_RECORDED : Why.RETIRED_MEDIA,
                    d.getAttempts(), d.getLastError(), d.getCreatedAt(), d.getNextAttemptAt());
        }
    }

    /**
     * {@code attempts} counts every attempt, those after parking too; {@code last_error} is the last one's failure;
     * {@code resource_id} is {@code null} for an object written and never recorded (its node died before the recording).
     */
    public record DeadLetterView(UUID id, UUID organizationId, UUID resourceId, UUID storageConnectionId, String storageKey,
            int attempts, String lastError, Instant firstAttemptAt, Instant parkedAt, Instant lastAttemptAt,
            Instant nextAttemptAt) {

        static DeadLetterView of(MediaDeletionDeadLetter l) {
            return new DeadLetterView(l.getId(), l.getOrganizationId(), l.getResourceId(), l.getStorageConnectionId(),
                    l.getStorageKey(), l.getAttempts(), l.getLastError(), l.getFirstAttemptAt(), l.getParkedAt(),
                    l.getLastAttemptAt(), l.getNextAttemptAt());
        }
    }
}
