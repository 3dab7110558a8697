package app.arv.generation;

import app.arv.persistence.Database;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the container does around a service call, outside a server: one committed transaction of the
 * persistence tests' {@link Database} per call, its entity manager in the repositories, and the
 * after-commit work ({@link app.arv.events.AfterCommit}) run once it has committed, or dropped when it
 * rolled back. A local implementation of the platform's registry, not a mock.
 */
final class StepTransactions implements TransactionSynchronizationRegistry {

    private final List<Object> repositories;
    private final List<Synchronization> synchronizations = new ArrayList<>();
    private boolean active;

    StepTransactions(Object... repositories) {
        this.repositories = List.of(repositories);
    }

    /** Runs the call in its own transaction and returns its result; after-commit work runs after the commit. */
    <T> T call(Supplier<T> work) {
        List<T> result = new ArrayList<>(1);
        boolean committed = false;
        try {
            Database.inTransaction(em -> {
                repositories.forEach(r -> inject(r, "em", em));
                active = true;
                result.add(work.get());
            });
            committed = true;
        } finally {
            active = false;
            List<Synchronization> due = List.copyOf(synchronizations);
            synchronizations.clear();
            int status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
            due.forEach(s -> s.afterCompletion(status));
        }
        return result.get(0);
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Sets a container-injected field of a bean from another package, as the container would. */
    static void inject(Object bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot inject " + field + " into " + bean.getClass().getSimpleName(), e);
        }
    }

    @Override
    public int getTransactionStatus() {
        return active ? Status.STATUS_ACTIVE : Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        synchronizations.add(sync);
    }

    @Override
    public Object getTransactionKey() {
        return active ? this : null;
    }

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
    public boolean getRollbackOnly() {
        return false;
    }
}
