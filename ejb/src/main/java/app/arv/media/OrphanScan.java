package app.arv.media;

import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.media.MediaResource;
import app.arv.persistence.media.MediaUpload;
import app.arv.persistence.media.MediaUploadRepository;
import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.platform.ApplicationMetric;
import app.arv.storage.ObjectStores;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Retires resources nobody has used for longer than {@code arv.media.orphan-grace} (an upload
 * whose owner was deleted without releasing it, a thumbnail whose original went away...). Every
 * node schedules it; a PostgreSQL advisory lock lets only one of them scan at a time.
 */
@Stateless
public class OrphanScan {

    private static final Logger LOG = Logger.getLogger(OrphanScan.class.getName());
    private static final int BATCH = 1000;

    @Inject
    ClusterLocks locks;

    @Inject
    MediaRepository media;

    @Inject
    MediaDisposal disposal;

    @Inject
    MediaDeletions deletions;

    @Inject
    MediaUploadRepository uploads;

    @Inject
    ObjectStores stores;

    @Inject
    MetricRegistry metrics;

    @Resource
    SessionContext context;

    @Inject
    LifecycleRules rules;

    /**
     * What a scan found and what the deletion pass after it did.
     *
     * @param expiredUploadsRefused expired uploads whose key a store refused to delete: tried again in a later scan
     */
    public record Report(boolean scanned, int orphansRetired, int expiredUploadsRemoved, int expiredUploadsRefused,
            DeletionRound deletions) {
    }

    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void scheduled() {
        Report report = run();
        LOG.info(() -> "Orphan scan: " + report);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Report run() {
        OrphanScan self = context.getBusinessObject(OrphanScan.class);
        Found found = self.retireOrphans();
        if (found == null) {
            return new Report(false, 0, 0, 0, new DeletionRound(0, 0, 0));
        }
        List<RefusedRemoval> refused = new ArrayList<>();
        List<UUID> gone = remove(found.expiredUploads(), refused);
        self.settleUploads(gone, refused);
        DeletionRound round = deletions.attemptNow(found.owed()).plus(deletions.processDue());
        return new Report(true, found.owed().size(), gone.size(), refused.size(), round);
    }

    /** A direct upload whose URL expired, as the scan found it. */
    public record ExpiredUpload(UUID id, UUID organizationId, UUID storageConnectionId, String storageKey) {
    }

    /** What one scan, holding the cluster's scan lock, took on: owed deletion ids and expired uploads. */
    public record Found(List<UUID> owed, List<ExpiredUpload> expiredUploads) {
    }

    /** An expired upload whose key the store refused to delete, and why. */
    public record RefusedRemoval(ExpiredUpload upload, String error) {
    }

    /** @return what to do next, or {@code null} when another node holds the scan lock */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Found retireOrphans() {
        if (!locks.tryHold(ClusterLock.ORPHAN_SCAN)) {
            return null;
        }
        ApplicationMetric.MEDIA_ORPHAN_SCANS.counter(metrics).inc();
        Instant now = Instant.now();
        List<UUID> owed = new ArrayList<>();
        List<MediaResource> orphans = media.orphansAcrossOrganizations(now.minus(rules.orphanGrace()), BATCH);
        for (MediaResource orphan : orphans) {
            owed.addAll(disposal.retireIfUnused(orphan, now));
        }
        // Counts what was retired, thumbnails of an orphan included: each had its own object.
        ApplicationMetric.MEDIA_ORPHANS_REMOVED.counter(metrics).inc(owed.size());
        List<ExpiredUpload> expired = uploads.dueForRemovalAcrossOrganizations(now, BATCH).stream()
                .map(u -> new ExpiredUpload(u.getId(), u.getOrganizationId(), u.getStorageConnectionId(), u.getStorageKey()))
                .toList();
        return new Found(owed, expired);
    }

    /**
     * An expired upload's key goes (a never-completed upload may still have put an object there, and a
     * completed one's presigned URL could still write it until it expired), outside any transaction;
     * when the store refuses, the upload lands in {@code refused} and its row stays. A store that refused once is not
     * asked again in this scan ({@link RemovalRound}): a bucket that is down would cost a timeout per upload, and the scan
     * would never end.
     *
     * @return the uploads whose key is gone
     */
    private List<UUID> remove(List<ExpiredUpload> expired, List<RefusedRemoval> refused) {
        List<UUID> gone = new ArrayList<>();
        RemovalRound removals = new RemovalRound();
        for (ExpiredUpload upload : expired) {
            Optional<RemovalRound.Refusal> refusal = removals.remove(stores, upload.organizationId(), upload.storageConnectionId(),
                    upload.storageKey());
            if (refusal.isEmpty()) {
                gone.add(upload.id());
                continue;
            }
            refused.add(new RefusedRemoval(upload, refusal.get().error()));
            if (refusal.get().tried()) {
                LOG.warning(() -> "The store of storage connection " + upload.storageConnectionId() + " (organization "
                        + upload.organizationId() + ") refused to remove the object of expired upload " + upload.id()
                        + "; its expired uploads are tried again later: " + refusal.get().error());
            }
        }
        return gone;
    }

    /**
     * The uploads whose key is gone are forgotten; a refused one counts the failure, keeps it for operators and waits
     * ({@link LifecycleRules#uploadRemovalRetryAfter}) before a later scan tries again, behind the uploads never refused.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settleUploads(List<UUID> gone, List<RefusedRemoval> refused) {
        if (!gone.isEmpty()) {
            ApplicationMetric.MEDIA_UPLOADS_ABANDONED.counter(metrics).inc(uploads.removeAll(gone));
        }
        if (refused.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        Map<UUID, String> errors = new HashMap<>();
        refused.forEach(removal -> errors.put(removal.upload().id(), removal.error()));
        for (MediaUpload upload : uploads.allAcrossOrganizations(List.copyOf(errors.keySet()))) {
            upload.removalRefused(errors.get(upload.getId()), now.plus(rules.uploadRemovalRetryAfter(upload.getRemovalAttempts() + 1)));
        }
        ApplicationMetric.MEDIA_UPLOAD_REMOVALS_REFUSED.counter(metrics).inc(refused.size());
    }
}
