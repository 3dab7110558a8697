package app.arv.persistence.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Optional;

/** Sign-ups waiting for their verification link, found by the hash of its token; joins the caller's transaction. */
@ApplicationScoped
public class PendingSignupRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    public PendingSignup add(PendingSignup signup) {
        em.persist(signup);
        return signup;
    }

    /** Locked for the rest of the transaction, so two concurrent verifications of one link can't both succeed. */
    public Optional<PendingSignup> findByHashForUpdate(String tokenHash) {
        return em.createQuery("SELECT s FROM PendingSignup s WHERE s.token.hash = :hash", PendingSignup.class)
                .setParameter("hash", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Deletes sign-ups whose link expired before {@code cutoff} (verified or not: a verified one lives on as its organization). */
    public int removeExpiredBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM pending_signup WHERE expires_at < ?1").setParameter(1, cutoff).executeUpdate();
    }
}
