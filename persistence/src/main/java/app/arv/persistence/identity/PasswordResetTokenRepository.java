package app.arv.persistence.identity;

import app.arv.persistence.shared.EntityRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password reset tokens, found by the hash of the token a link carried; joins the caller's transaction. */
@ApplicationScoped
public class PasswordResetTokenRepository extends EntityRepository<PasswordResetToken> {

    /** Locked for the rest of the transaction, so two concurrent uses of one token can't both succeed. */
    public Optional<PasswordResetToken> findByHashForUpdate(String tokenHash) {
        return em.createQuery("SELECT t FROM PasswordResetToken t WHERE t.token.hash = :hash", PasswordResetToken.class)
                .setParameter("hash", tokenHash).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst();
    }

    /** Spends every still-unused token of {@code userId}: once a password is reset, older links stop working. */
    public int spendAllOf(UUID userId, Instant now) {
        return em.createQuery("UPDATE PasswordResetToken t SET t.token.usedAt = :now WHERE t.userId = :user AND t.token.usedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId).executeUpdate();
    }

    /** Deletes the tokens that expired before {@code cutoff}, used or not: an expired link is refused either way. */
    public int removeExpiredBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM password_reset_token WHERE expires_at < ?1").setParameter(1, cutoff).executeUpdate();
    }
}
