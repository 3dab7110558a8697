package app.arv.media;

import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.StorageMisconfigured;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One round of object removals in the background (a {@link MediaDeletions} round, the {@link OrphanScan}'s expired upload
 * keys), and the stores that refused one in it, each with what it said. The round asks those for no other removal: a store
 * that is down would cost a timeout per key, up to a batch of them. Their other keys are refused with that refusal
 * instead, as not tried, and the caller counts them as it counts a refusal. A store that refuses the connection's settings
 * (502 {@code storage_misconfigured}) says so for every key: no retry heals that, an admin must correct the connection.
 * One round's, used on one thread. Public: the container's proxy of {@link MediaDeletions} must be able to see every type
 * its business methods take.
 */
public final class RemovalRound {

    private final Instant began = Instant.now();
    /** By storage connection id; {@code null} is the platform's store. */
    private final Map<UUID, Refusal> byStore = new HashMap<>();

    /**
     * Why a key is still there.
     *
     * @param error         what the store said (for a key not tried: that it refused another, and what it said then)
     * @param tried         whether the store was asked for this key, or refused another in the round and was not
     * @param misconfigured whether the store refused the connection's settings: waiting heals nothing
     */
    public record Refusal(String error, boolean tried, boolean misconfigured) {
    }

    /** When the round began: a key it did not try is timed from here (a later round tries it before the refused one). */
    Instant began() {
        return began;
    }

    /**
     * Removes the object at {@code key} of the organization's store, unless that store refused another in this round.
     *
     * @param storageConnectionId the connection the object was stored through, {@code null} for the platform's store
     * @return empty once the object is gone; else why it is not
     */
    Optional<Refusal> remove(ObjectStores stores, UUID organizationId, UUID storageConnectionId, String key) {
        Refusal earlier = byStore.get(storageConnectionId);
        if (earlier != null) {
            return Optional.of(new Refusal("Not tried: the store refused another deletion in this round: " + earlier.error(),
                    false, earlier.misconfigured()));
        }
        try {
            stores.target(organizationId, storageConnectionId).store().delete(key);
            return Optional.empty();
        } catch (RuntimeException e) {
            Refusal refusal = new Refusal(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), true,
                    misconfigured(e));
            byStore.put(storageConnectionId, refusal);
            return Optional.of(refusal);
        }
    }

    /** The store answered and refused the connection's settings, or the S3 client refused them before asking it. */
    private static boolean misconfigured(RuntimeException e) {
        return e instanceof StorageMisconfigured
                || e instanceof DomainException problem && DomainException.STORAGE_MISCONFIGURED.equals(problem.code());
    }
}
