package app.arv.marker.batch;

import app.arv.shared.DomainException;

import java.io.Serial;

/**
 * The organization's store is away for now (503 {@code storage_unavailable}: it did not answer, refused for the moment,
 * or broke off) while an item's portrait was read or its {@code .mind} written: nothing is wrong with the item. Not
 * skippable ({@code compile-markers.xml}): the item stays compiling, its partition's step fails, and the recovery timer
 * restarts the failed job from its checkpoints ({@link app.arv.marker.MarkerJobRecovery}), which compiles it again once the
 * store is back. The job tells the recovery timer that it met the store away ({@link app.arv.marker.MarkerOutages}): such
 * a failure spends none of its executions, and its items fail only once the outage outlasts
 * {@code arv.markers.outage-patience}. A store that refuses the connection's settings (502 {@code storage_misconfigured}) is no outage: that
 * exception stays a skip, and the item fails at once with the reason.
 */
public class StorageAway extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    StorageAway(DomainException outage) {
        super(outage.getMessage(), outage);
    }

    /** What to throw for {@code e}: this when it is the store away (which waiting heals), else {@code e} itself. */
    static RuntimeException ifOutage(DomainException e) {
        return DomainException.STORAGE_UNAVAILABLE.equals(e.code()) ? new StorageAway(e) : e;
    }
}
