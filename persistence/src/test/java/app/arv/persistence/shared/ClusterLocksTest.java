package app.arv.persistence.shared;

import app.arv.persistence.Database;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterLocksTest {

    @Test
    void everyRoundHasALockKeyOfItsOwn() {
        assertThat(Arrays.stream(ClusterLock.values()).map(ClusterLock::key)).doesNotHaveDuplicates();
    }

    @Test
    void whileOneTransactionHoldsARoundsLockAnotherCannotTakeItButCanTakeAnotherRounds() {
        Database.inTransaction(first -> {
            assertThat(locks(first).tryHold(ClusterLock.ORPHAN_SCAN)).isTrue();
            inOtherTransaction(second -> {
                assertThat(locks(second).tryHold(ClusterLock.ORPHAN_SCAN)).isFalse();
                assertThat(locks(second).tryHold(ClusterLock.MAIL_RETENTION)).isTrue();
            });
        });
    }

    @Test
    void theLockIsGivenBackWhenItsTransactionEnds() {
        Database.inTransaction(first -> assertThat(locks(first).tryHold(ClusterLock.AUDIT_RETENTION)).isTrue());

        Database.inTransaction(next -> assertThat(locks(next).tryHold(ClusterLock.AUDIT_RETENTION)).isTrue());
    }

    private static ClusterLocks locks(EntityManager em) {
        ClusterLocks locks = new ClusterLocks();
        locks.em = em;
        return locks;
    }

    /** Work in a second transaction of its own while the caller's stays open; rolled back. */
    private static void inOtherTransaction(Consumer<EntityManager> work) {
        EntityManager other = Database.entityManagerFactory().createEntityManager();
        try {
            other.getTransaction().begin();
            work.accept(other);
        } finally {
            other.getTransaction().rollback();
            other.close();
        }
    }
}
