package app.arv.persistence.identity;

import app.arv.persistence.shared.EntityRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Password reset tokens, found by the hash of the token a link carried; joins the caller's transaction. */
@ApplicationScoped
public class PasswordResetTokenRepository extends EntityRepository<PasswordResetToken> {

    /**
     * Unlocked: its owner is locked first and then the token ({@link #refreshLocked}), the order of every change of a
     * password, which spends the owner's tokens ({@link #spendAllOf}) with their owner locked.
     */
    public Optional<PasswordResetToken> findByHash(String tokenHash) {
        return em.createQuery("SELECT t FROM PasswordResetToken t WHERE t.token.hash = :hash", PasswordResetToken.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst();
    }

    /** Spends every still-unused token of {@code userId}, so that the links they were mailed in stop working. */
    public int spendAllOf(UUID userId, Instant now) {
        return em.createQuery("UPDATE PasswordResetToken t SET t.token.usedAt = :now WHERE t.userId = :user AND t.token.usedAt IS NULL")
                .setParameter("now", now).setParameter("user", userId).executeUpdate();
    }

    /** Deletes the tokens that expired before {@code cutoff}, used or not: an expired link is refused either way. */
    public int removeExpiredBefore(Instant cutoff) {
        return em.createNativeQuery("DELETE FROM password_reset_token WHERE expires_at < ?1").setParameter(1, cutoff).executeUpdate();
    }
}
