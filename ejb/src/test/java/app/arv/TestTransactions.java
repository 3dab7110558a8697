package app.arv;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.List;

/**
 * The platform's transaction registry for a test's transactions ({@code Database.inTransaction}), a local
 * implementation, not a mock: only the end-of-transaction work the services register is used — run once the test
 * says how the transaction ended, as the container would.
 */
public final class TestTransactions implements TransactionSynchronizationRegistry {

    private final List<Synchronization> synchronizations = new ArrayList<>();
    private boolean active;

    /** A transaction begins: what is registered from now on runs when it {@link #ended}. */
    public void began() {
        active = true;
    }

    public void ended(boolean committed) {
        active = false;
        List<Synchronization> due = List.copyOf(synchronizations);
        synchronizations.clear();
        due.forEach(s -> s.afterCompletion(committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK));
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() { return active ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION; }

    @Override
    public Object getTransactionKey() { return active ? this : null; }

    @Override
    public void putResource(Object key, Object value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Object getResource(Object key) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setRollbackOnly() {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getRollbackOnly() { return false; }
}
