package app.arv.media;

import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.shared.DomainException;
import app.arv.storage.StorageTarget;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Objects are written before the transaction that records them, never inside it (a slow store must
 * not hold a pooled connection and its locks). Each is owed a deletion from before it is written ({@link #journal}, a
 * transaction of its own): a process that dies before the recording leaves that deletion behind, and
 * {@link MediaDeletions} carries it out once older than {@code arv.media.orphan-grace} — no store can be listed for
 * objects nothing names. The recording transaction takes the object on ({@link #recorded}: committed, the deletion is
 * no longer owed), which is also how a caller told that the recording failed knows what it may remove
 * ({@link #removeUnrecorded}): the failure may have come after the commit. This settles the rest once that short
 * transaction ends: if it rolls back, every staged object goes; if it commits, the ones that turned out redundant go (the
 * same content was recorded meanwhile). Deletions run after completion, outside the transaction, and then their owed
 * deletions are forgotten; one the store refuses stays owed.
 */
@ApplicationScoped
public class StagedObjects {

    private static final Logger LOG = Logger.getLogger(StagedObjects.class.getName());
    /** How long the end of a transaction waits for the owed deletions of the objects it removed to be forgotten. */
    private static final Duration FORGET_WAIT = Duration.ofSeconds(10);

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    @Inject
    MediaDeletions deletions;

    @Inject
    MediaDeletionRepository journal;

    /**
     * Owes the deletions of objects about to be written under {@code keys}, committed at once, whatever the caller's
     * transaction does. Call it before writing them: a database that cannot be reached fails it, and nothing is written.
     */
    public void journal(UUID org, StorageTarget target, List<String> keys) {
        deletions.oweUnlessRecorded(org, target.connectionId(), keys);
    }

    /**
     * Writes one object ({@code write}), owed a deletion from before it is written ({@link #journal}); a write that fails
     * removes what it may have left and forgets the deletion owed for it. Call it outside transactions.
     */
    public void write(UUID org, StorageTarget target, String key, Runnable write) {
        journal(org, target, List.of(key));
        try {
            write.run();
        } catch (RuntimeException e) {
            removeQuietly(org, target, List.of(key));
            throw e;
        }
    }

    /**
     * The caller's transaction records the staged objects at {@code keys}: once it commits, they are its resources'.
     *
     * @throws DomainException 503 {@code storage_unavailable} when an object's deletion was carried out meanwhile (the
     *                         recording came later than {@code arv.media.orphan-grace} after the staging)
     */
    public void recorded(UUID org, Collection<String> keys) {
        if (journal.forgetStaged(org, keys) < keys.size()) {
            throw DomainException.storageUnavailable("A file written for this request was removed as abandoned before it was"
                    + " recorded; send it again");
        }
    }

    /**
     * @param staged    keys written for this transaction (removed if it rolls back)
     * @param redundant filled while the transaction runs: keys to remove once it has committed
     */
    public void settleAfterTransaction(UUID org, StorageTarget target, Collection<String> staged, Collection<String> redundant) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                List<String> gone = deleteQuietly(target, status == Status.STATUS_COMMITTED
                        ? List.copyOf(redundant)
                        : List.copyOf(staged));
                forgetApart(org, gone);
            }
        });
    }

    /** Removes staged objects nothing will record (a failed staging, a staged file whose owner went away). Call it outside transactions. */
    public void removeQuietly(UUID org, StorageTarget target, Collection<String> keys) {
        removeQuietly(org, target, keys, keys);
    }

    /**
     * As {@link #removeQuietly(UUID, StorageTarget, Collection)} for a staging that failed part-way: only what was
     * written is deleted (a store that is down would cost a timeout per key), and the deletions owed for the rest are
     * forgotten with those of the objects gone.
     *
     * @param owed the keys owed a deletion for the staging, {@code written} among them
     */
    public void removeQuietly(UUID org, StorageTarget target, Collection<String> written, Collection<String> owed) {
        List<String> refused = new ArrayList<>(written);
        refused.removeAll(deleteQuietly(target, written));
        List<String> settled = owed.stream().filter(key -> !refused.contains(key)).toList();
        if (settled.isEmpty()) {
            return;
        }
        try {
            deletions.forgetStaged(org, settled);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not forget the owed deletions of " + settled.size() + " removed staged objects;"
                    + " they are carried out again once due", e);
        }
    }

    /**
     * Removes the staged objects at {@code keys} that a recording which failed did not take on, and forgets their owed
     * deletions; leaves alone those it recorded. A recording's failure may reach its caller after its transaction committed
     * (an exception raised after the commit, a commit whose outcome was lost on the way: in doubt, heuristic), and
     * whether an object is still owed its deletion tells, as the recording forgets it in its own transaction
     * ({@link #recorded}). One whose owed deletion another transaction holds (a recording whose outcome is not settled
     * yet, the deletion timer's attempt) is kept: should that recording roll back, the owed deletion removes it. So is
     * every object when the database cannot say: its owed deletion is carried out once {@code arv.media.orphan-grace} is
     * over. Call it outside transactions.
     */
    public void removeUnrecorded(UUID org, StorageTarget target, Collection<String> keys) {
        List<String> unrecorded;
        try {
            unrecorded = deletions.unrecorded(org, List.copyOf(keys));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not ask whether the " + keys.size() + " staged objects of a failed recording were"
                    + " recorded; they are kept, and their owed deletions carried out once due", e);
            return;
        }
        if (!unrecorded.isEmpty()) {
            removeQuietly(org, target, unrecorded);
        }
    }

    /**
     * Deletes objects; one the store refuses stays where it is, which is logged.
     *
     * @return the keys whose objects are gone
     */
    public static List<String> deleteQuietly(StorageTarget target, Collection<String> keys) {
        List<String> gone = new ArrayList<>();
        for (String key : new ArrayList<>(keys)) {
            try {
                target.store().delete(key);
                gone.add(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove " + key + " that nothing records; its owed deletion (if any) is"
                        + " carried out later", e);
            }
        }
        return gone;
    }

    /**
     * As a transaction completes, its thread still carries it: the owed deletions are forgotten in a transaction on one of
     * the container's threads ({@link MediaDeletions#attemptApart} says why), waited for within bounds.
     */
    private void forgetApart(UUID org, List<String> gone) {
        if (gone.isEmpty()) {
            return;
        }
        try {
            deletions.forgetStagedApart(org, gone).get(FORGET_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.info(() -> "Forgetting " + gone.size() + " owed deletions of removed staged objects still runs after "
                    + FORGET_WAIT + "; not waited for");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            // The objects are gone: the owed deletions, carried out once due, find nothing to delete.
            LOG.log(Level.WARNING, "Could not forget the owed deletions of " + gone.size() + " removed staged objects",
                    e instanceof ExecutionException ? e.getCause() : e);
        }
    }
}
