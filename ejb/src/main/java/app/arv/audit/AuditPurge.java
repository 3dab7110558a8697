package app.arv.audit;

import app.arv.persistence.audit.AuditEventRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.OptionalInt;

/** One batch of {@link AuditRetention}'s deletions, in a transaction of its own so no round holds a long one. */
@Stateless
public class AuditPurge {

    static final int BATCH = 5_000;

    @Inject
    ClusterLocks locks;

    @Inject
    AuditEventRepository events;

    /** @return how many entries older than {@code before} were deleted; empty when another node is deleting now */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public OptionalInt removeBatch(Instant before) {
        if (!locks.tryHold(ClusterLock.AUDIT_RETENTION)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(events.removeBefore(before, BATCH));
    }
}
