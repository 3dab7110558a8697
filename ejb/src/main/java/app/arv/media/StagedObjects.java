package app.arv.media;

import app.arv.storage.StorageTarget;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Objects are written before the transaction that records them, never inside it (a slow store must
 * not hold a pooled connection and its locks). This settles them once that short transaction ends:
 * if it rolls back, every staged object goes; if it commits, the ones that turned out redundant go
 * (the same content was recorded meanwhile). Deletions run after completion, outside the transaction;
 * one that fails leaves an object no row names, which is logged.
 */
@ApplicationScoped
public class StagedObjects {

    private static final Logger LOG = Logger.getLogger(StagedObjects.class.getName());

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry registry;

    /**
     * @param staged    keys written for this transaction (removed if it rolls back)
     * @param redundant filled while the transaction runs: keys to remove once it has committed
     */
    public void settleAfterTransaction(StorageTarget target, Collection<String> staged, Collection<String> redundant) {
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                deleteQuietly(target, status == Status.STATUS_COMMITTED ? List.copyOf(redundant) : List.copyOf(staged));
            }
        });
    }

    /** Removes objects nothing will record (a failed staging, a staged file whose owner went away). */
    public static void deleteQuietly(StorageTarget target, Collection<String> keys) {
        for (String key : new ArrayList<>(keys)) {
            try {
                target.store().delete(key);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not remove " + key + " that nothing records; it is now an untracked object", e);
            }
        }
    }
}
