package app.arv.persistence.identity;

import app.arv.persistence.shared.EntityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

/** Sign-ups waiting for their verification link, found by the hash of its token; joins the caller's transaction. */
@ApplicationScoped
public class PendingSignupRepository extends EntityRepository<PendingSignup> {

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
