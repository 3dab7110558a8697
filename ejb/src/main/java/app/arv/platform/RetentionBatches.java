package app.arv.platform;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * One batch of a {@link RetentionRound}, in a transaction of its own: a round over a big backlog commits as it goes
 * instead of deleting (and locking) every old row in one transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionBatches {

    /** Deletes one batch of at most {@code most} rows; the number deleted. */
    @FunctionalInterface
    public interface Batch {
        int remove(int most);
    }

    public int remove(Batch batch, int most) {
        return batch.remove(most);
    }
}
