package app.arv.media;

import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionDeadLetter;
import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.platform.ApplicationMetric;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import jakarta.annotation.Resource;
import jakarta.ejb.AsyncResult;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.logging.Logger;

/**
 * Deletes objects that are owed a deletion. A failure is retried with exponential backoff
 * ({@code arv.media.delete-retry-base} × 2^(attempt−1)); after {@code arv.media.delete-attempts}
 * failures the deletion is parked as a dead letter for an admin — an object is never silently left
 * behind — and tried again every {@code arv.media.dead-letter-retry} until the store accepts it (a store
 * that was down for a while must not keep deleted people's files for good). Each attempt is its own
 * transaction holding a row lock, so nodes never race on one. Once the object is gone, the retired
 * resource's row is purged.
 *
 * <p>An object written before the transaction that records it is owed a deletion from before it is written
 * ({@link #oweUnlessRecorded}); the recording removes that deletion, and so does the code that staged it once it deleted
 * the object itself. One left behind (the process died in between) falls due when it is older than
 * {@code arv.media.orphan-grace}, and is then retried and parked like any other.
 *
 * <p>A round (the timer's, or the one right after a commit) locks each row only if it is still due: another node may
 * have tried it since the round read its list. Once a store refused a deletion, the round asks it for none of its others
 * (see {@link RemovalRound}): they fail with that refusal, counted as an attempt would be (so a store that stays down has
 * them parked on the usual schedule), but timed from the round's start. A store that refuses the connection's settings
 * (502 {@code storage_misconfigured}) has the deletion parked at once, with the reason: waiting heals nothing there, an
 * admin corrects the connection and retries the dead letter.
 */
@Stateless
public class MediaDeletions {

    private static final Logger LOG = Logger.getLogger(MediaDeletions.class.getName());
    private static final int BATCH = 200;

    /** Public: the container's proxy of this bean must be able to see every type its business methods return. */
    public enum Outcome {
        DELETED, RETRYING, DEAD_LETTERED, STILL_PARKED, SKIPPED
    }

    @Inject
    MediaDeletionRepository deletions;

    @Inject
    MediaRepository media;

    @Inject
    ObjectStores stores;

    @Inject
    MetricRegistry metrics;

    @Resource
    SessionContext context;

    @Inject
    LifecycleRules rules;

    /** Right after a deletion was committed: the first attempt should not wait for the timer. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DeletionRound attemptNow(List<UUID> ids) {
        return attemptAll(ids, new RemovalRound());
    }

    /**
     * As {@link #attemptNow}, on one of the container's threads: for a caller that runs as a transaction completes. That
     * thread still carries the finished transaction, and a call needing a transaction of its own there has the container
     * suspend and resume it: Payara refuses to resume a finished distributed one (a change that also sent a message),
     * failing the call after its work with {@code InvalidTransactionException}.
     */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Future<DeletionRound> attemptApart(List<UUID> ids) {
        return new AsyncResult<>(attemptNow(ids));
    }

    /** The owed deletions that are due, then the parked ones that are due again. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public DeletionRound processDue() {
        RemovalRound removals = new RemovalRound();
        DeletionRound round = attemptAll(self().due(), removals);
        for (UUID id : self().dueParked()) {
            round = round.plus(count(self().retryDueParked(id, removals)));
        }
        return round;
    }

    private DeletionRound attemptAll(List<UUID> ids, RemovalRound removals) {
        DeletionRound round = new DeletionRound(0, 0, 0);
        for (UUID id : ids) {
            round = round.plus(count(self().attempt(id, removals)));
        }
        return round;
    }

    @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void retryDue() {
        processDue();
    }

    public List<UUID> due() {
        return deletions.dueAcrossOrganizations(Instant.now(), BATCH);
    }

    public List<UUID> dueParked() {
        return deletions.dueDeadLettersAcrossOrganizations(Instant.now(), BATCH);
    }

    /** One attempt at a deletion if it is due, a round of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome attempt(UUID id) {
        return attempt(id, new RemovalRound());
    }

    /** One attempt at a deletion if it is due, unless its store refused another in the round. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome attempt(UUID id, RemovalRound removals) {
        Instant now = Instant.now();
        MediaDeletion deletion = deletions.lockDueAcrossOrganizations(id, now).orElse(null);
        if (deletion == null) {
            return Outcome.SKIPPED;
        }
        Optional<RemovalRound.Refusal> refused = removals.remove(stores, deletion.getOrganizationId(),
                deletion.getStorageConnectionId(), deletion.getStorageKey());
        if (refused.isEmpty()) {
            deletions.done(deletion);
            objectGone(deletion.getResourceId());
            return Outcome.DELETED;
        }
        RemovalRound.Refusal refusal = refused.get();
        Instant at = refusedAt(refusal, removals, now);
        if (refusal.misconfigured() || rules.givesUpAfter(deletion.getAttempts() + 1)) {
            deletion.failed(refusal.error(), at);
            deletions.park(deletion, at, at.plus(rules.deadLetterRetry()));
            ApplicationMetric.MEDIA_DELETIONS_DEAD_LETTERED.counter(metrics).inc();
            String why = refusal.misconfigured()
                    ? "the store refuses the connection's settings, which no retry heals"
                    : "after " + rules.deleteAttempts() + " attempts";
            LOG.warning(() -> "Gave up deleting " + deletion.getStorageKey() + " (" + why + "); parked as dead letter "
                    + deletion.getId() + ": " + refusal.error());
            return Outcome.DEAD_LETTERED;
        }
        deletion.failed(refusal.error(), at.plus(rules.retryDelayAfter(deletion.getAttempts() + 1)));
        return Outcome.RETRYING;
    }

    /**
     * One more attempt at a parked deletion, due or not (an admin's): the dead letter goes once the store accepts, else
     * waits its interval again.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome retryParked(UUID id) {
        MediaDeletionDeadLetter letter = deletions.lockDeadLetterAcrossOrganizations(id).orElse(null);
        return letter == null ? Outcome.SKIPPED : retry(letter, new RemovalRound());
    }

    /** As {@link #retryParked}, the timer's: only if the dead letter is due, and its store refused none in the round. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome retryDueParked(UUID id, RemovalRound removals) {
        MediaDeletionDeadLetter letter = deletions.lockDueDeadLetterAcrossOrganizations(id, Instant.now()).orElse(null);
        return letter == null ? Outcome.SKIPPED : retry(letter, removals);
    }

    private Outcome retry(MediaDeletionDeadLetter letter, RemovalRound removals) {
        Instant now = Instant.now();
        Optional<RemovalRound.Refusal> refused = removals.remove(stores, letter.getOrganizationId(),
                letter.getStorageConnectionId(), letter.getStorageKey());
        if (refused.isEmpty()) {
            deletions.settled(letter);
            objectGone(letter.getResourceId());
            LOG.info(() -> "Deleted " + letter.getStorageKey() + " of dead letter " + letter.getId() + " after "
                    + (letter.getAttempts() + 1) + " attempts");
            return Outcome.DELETED;
        }
        Instant at = refusedAt(refused.get(), removals, now);
        letter.failedAgain(refused.get().error(), at, at.plus(rules.deadLetterRetry()));
        return Outcome.STILL_PARKED;
    }

    /**
     * Tries a dead letter's deletion again now, for an admin who has fixed the store (credentials, a bucket policy) and
     * should not wait up to {@code arv.media.dead-letter-retry} for the timer. An org admin retries the organization's own
     * (another's is a 404); a platform admin any.
     *
     * @return empty once the object is deleted; else the dead letter with the new failure recorded
     * @throws DomainException 404 for an unknown or foreign one, 409 {@code dead_letter_busy} while the timer retries it
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<MediaDeletionDeadLetter> retryNow(Caller caller, UUID id) {
        deletions.findDeadLetterAcrossOrganizations(id)
                .filter(l -> caller.visibleOrganizations().include(l.getOrganizationId()))
                .orElseThrow(() -> DomainException.notFound("Dead letter"));
        Outcome outcome = self().retryParked(id);
        if (outcome == Outcome.SKIPPED) {
            throw DomainException.conflict("dead_letter_busy", "Dead letter " + id + " is being retried right now, or is gone");
        }
        return outcome == Outcome.DELETED ? Optional.empty() : deletions.findDeadLetterAcrossOrganizations(id);
    }

    /** An org admin sees the organization's dead letters; a platform admin sees everyone's. Most recently parked first. */
    public Page<MediaDeletionDeadLetter> deadLetters(Caller caller, PageRequest page) {
        return deletions.deadLetters(caller.visibleOrganizations().narrowedTo(), page);
    }

    /**
     * Owes the deletions of objects about to be written through {@code connectionId}, committed before they are written:
     * if the process dies before the transaction that records them, the deletions fall due once older than
     * {@code arv.media.orphan-grace} ({@link StagedObjects}). A database that cannot be reached fails this call, and the
     * objects are not written.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void oweUnlessRecorded(UUID organizationId, UUID connectionId, List<String> keys) {
        Instant now = Instant.now();
        deletions.owe(keys.stream()
                .map(key -> MediaDeletion.unlessRecorded(organizationId, connectionId, key, now, rules.orphanGrace())).toList());
    }

    /** The staged objects at {@code keys} were deleted by the code that staged them: their deletions are not owed any more. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forgetStaged(UUID organizationId, List<String> keys) {
        deletions.forgetStaged(organizationId, keys);
    }

    /**
     * Of the staged objects at {@code keys}, those no recording took on: still owed a deletion, and held by no other
     * transaction (one holding it may be a recording whose outcome is not settled yet). Asked in a transaction of its own,
     * after the recording's ended.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<String> unrecorded(UUID organizationId, List<String> keys) {
        return deletions.lockStaged(organizationId, keys);
    }

    /** As {@link #forgetStaged}, on one of the container's threads, for a caller that runs as a transaction completes. */
    @Asynchronous
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Future<Void> forgetStagedApart(UUID organizationId, List<String> keys) {
        deletions.forgetStaged(organizationId, keys);
        return new AsyncResult<>(null);
    }

    /** The store deleted the object: the retired resource's row (a staged object has none) is purged, and the deletion counted. */
    private void objectGone(UUID resourceId) {
        if (resourceId != null) {
            media.purgeRetired(resourceId);
        }
        ApplicationMetric.MEDIA_OBJECTS_DELETED.counter(metrics).inc();
    }

    /**
     * When a refusal counts: now for a key the store was asked for (a failure, counted), the round's start for one it was
     * not asked for (a later round then tries that one before the key the store refused).
     */
    private Instant refusedAt(RemovalRound.Refusal refusal, RemovalRound removals, Instant now) {
        if (!refusal.tried()) {
            return removals.began();
        }
        ApplicationMetric.MEDIA_DELETION_FAILURES.counter(metrics).inc();
        return now;
    }

    private MediaDeletions self() {
        return context.getBusinessObject(MediaDeletions.class);
    }

    private static DeletionRound count(Outcome outcome) {
        return switch (outcome) {
            case DELETED -> new DeletionRound(1, 0, 0);
            case RETRYING -> new DeletionRound(0, 1, 0);
            case DEAD_LETTERED -> new DeletionRound(0, 0, 1);
            case STILL_PARKED, SKIPPED -> new DeletionRound(0, 0, 0);
        };
    }
}
