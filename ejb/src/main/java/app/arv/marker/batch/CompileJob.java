package app.arv.marker.batch;

import app.arv.marker.MarkerOutages;
import app.arv.media.MediaStore;
import app.arv.shared.DomainException;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The compile job an artifact runs in: its organization (the job parameter, given to every artifact as its
 * {@code organizationId} property) and its instance, which together name the items the job claimed, with the
 * {@link MarkerQueue} work on those items. One per artifact ({@code @Dependent}): the batch runtime supplies
 * the context and the artifact's property while it creates the artifact, and so this along with it.
 */
@Dependent
public class CompileJob {

    @Inject
    JobContext context;

    @Inject
    @BatchProperty(name = "organizationId")
    String organizationId;

    @Inject
    MarkerQueue queue;

    @Inject
    MarkerOutages outages;

    /** The job instance's items, claimed on its first execution (see {@link MarkerQueue#claim}). */
    List<UUID> claim() {
        return queue.claim(organization(), context.getInstanceId(), context.getExecutionId());
    }

    /** Those of {@code ids} still compiling for this job, in the database's order. */
    List<UUID> stillCompiling(List<UUID> ids) {
        return queue.stillCompiling(organization(), context.getInstanceId(), ids);
    }

    /**
     * The portrait's bytes, if the item is still this job's to compile ({@link MarkerQueue#sourceImage}).
     *
     * @throws StorageAway when the store is away for now: the item is retried, not failed
     */
    Optional<byte[]> sourceImage(UUID contentId) throws PortraitGone {
        try {
            return queue.sourceImage(organization(), context.getInstanceId(), contentId);
        } catch (DomainException e) {
            throw away(e);
        }
    }

    boolean markerForced(UUID contentId) {
        return queue.markerForced(organization(), contentId);
    }

    /**
     * Records the outcome ({@link MarkerQueue#record}), its {@code .mind} written first outside the chunk's transaction
     * ({@link MarkerQueue#stageMind}).
     *
     * @throws StorageAway when the store is away for now and does not take the {@code .mind}: the item is retried, not failed
     */
    void record(CompileOutcome outcome) {
        UUID org = organization();
        long jobInstance = context.getInstanceId();
        MediaStore.StagedFile staged;
        try {
            staged = queue.stageMind(org, jobInstance, outcome);
        } catch (DomainException e) {
            throw away(e);
        }
        // The item got through the store (its portrait read, its .mind written if it has one): an outage is over.
        outages.answered(jobInstance);
        queue.record(org, jobInstance, outcome, staged);
    }

    long executionId() {
        return context.getExecutionId();
    }

    /** What to throw for {@code e} ({@link StorageAway#ifOutage}); the store away is told to the recovery timer first. */
    private RuntimeException away(DomainException e) {
        RuntimeException thrown = StorageAway.ifOutage(e);
        if (thrown instanceof StorageAway) {
            outages.met(context.getInstanceId(), e.getMessage());
        }
        return thrown;
    }

    private UUID organization() {
        return UUID.fromString(organizationId);
    }
}
