package app.arv.persistence.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Takes a {@link ClusterLock} for the caller's transaction; joins that transaction. */
@ApplicationScoped
public class ClusterLocks {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /**
     * True when this transaction now holds the round's lock (until its commit or rollback releases it); false when
     * another node's transaction holds it, and this node skips the round. Never waits.
     */
    public boolean tryHold(ClusterLock lock) {
        return (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)").setParameter(1, lock.key())
                .getSingleResult();
    }

    /**
     * Waits until this transaction holds the lock (until its commit or rollback releases it): for work that every node
     * must see done before it goes on, once, such as creating what a fresh installation lacks.
     */
    public void hold(ClusterLock lock) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1) AS held) locked").setParameter(1, lock.key())
                .getSingleResult();
    }
}
