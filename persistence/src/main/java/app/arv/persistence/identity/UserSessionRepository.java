package app.arv.persistence.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sessions and their refresh tokens; joins the caller's transaction. */
@ApplicationScoped
public class UserSessionRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /** A new session with its first refresh token. */
    public UserSession open(UserSession session, String firstTokenHash) {
        em.persist(session);
        em.persist(new RefreshToken(session.getId(), firstTokenHash, session.getCreatedAt()));
        return session;
    }

    public void addToken(RefreshToken token) {
        em.persist(token);
    }

    /**
     * The token with this hash and its session, the session locked for the rest of the transaction and the token read
     * after the lock was taken: two refreshes of one session run one after the other, the second sees the first's.
     */
    public Optional<Presented> presentedForUpdate(String tokenHash) {
        List<UUID> sessions = em.createQuery("SELECT t.sessionId FROM RefreshToken t WHERE t.tokenHash = :hash", UUID.class)
                .setParameter("hash", tokenHash).getResultList();
        if (sessions.isEmpty()) {
            return Optional.empty();
        }
        UserSession session = em.find(UserSession.class, sessions.get(0), LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            return Optional.empty();
        }
        return em.createQuery("SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash", RefreshToken.class)
                .setParameter("hash", tokenHash).getResultStream().findFirst()
                .map(token -> new Presented(session, token));
    }

    /** A refresh token presented, and the session it belongs to. */
    public record Presented(UserSession session, RefreshToken token) {
    }

    public Optional<UserSession> find(UUID sessionId) {
        return Optional.ofNullable(em.find(UserSession.class, sessionId));
    }

    /** Whether the session is {@code userId}'s and live at {@code now}: one indexed read, for every uncached request. */
    public boolean isLive(UUID sessionId, UUID userId, Instant now, Duration idle) {
        return find(sessionId).filter(s -> s.getUserId().equals(userId) && s.liveAt(now, idle)).isPresent();
    }

    /** The person's live sessions, most recently used first. */
    public List<UserSession> liveOf(UUID userId, Instant now, Duration idle) {
        return em.createQuery("SELECT s FROM UserSession s WHERE s.userId = :user AND s.revokedAt IS NULL AND s.expiresAt > :now"
                + " AND s.lastUsedAt > :idleSince ORDER BY s.lastUsedAt DESC, s.id", UserSession.class)
                .setParameter("user", userId).setParameter("now", now).setParameter("idleSince", now.minus(idle))
                .getResultList();
    }

    /** Ends every open session of the person except {@code keep} (may be {@code null}); how many it ended. */
    public int revokeAllOf(UUID userId, UUID keep, Instant now, UserSession.EndReason reason) {
        String update = "UPDATE UserSession s SET s.revokedAt = :now, s.revokedReason = :reason"
                + " WHERE s.userId = :user AND s.revokedAt IS NULL";
        if (keep == null) {
            return em.createQuery(update).setParameter("now", now).setParameter("reason", reason.name())
                    .setParameter("user", userId).executeUpdate();
        }
        return em.createQuery(update + " AND s.id <> :keep").setParameter("now", now).setParameter("reason", reason.name())
                .setParameter("user", userId).setParameter("keep", keep).executeUpdate();
    }

    /** Ends every open session of the organization's people; how many it ended. */
    public int revokeAllInOrganization(UUID organizationId, Instant now, UserSession.EndReason reason) {
        return em.createQuery("UPDATE UserSession s SET s.revokedAt = :now, s.revokedReason = :reason"
                + " WHERE s.revokedAt IS NULL AND s.userId IN (SELECT u.id FROM User u WHERE u.organizationId = :organization)")
                .setParameter("now", now).setParameter("reason", reason.name()).setParameter("organization", organizationId)
                .executeUpdate();
    }

    /**
     * Deletes sessions (with their tokens) that ended before {@code endedBefore}: revoked then, expired then, or idle
     * since {@code endedBefore - idle}. How many it deleted.
     */
    public int removeEndedBefore(Instant endedBefore, Duration idle) {
        return em.createNativeQuery("DELETE FROM user_session WHERE revoked_at < ?1 OR expires_at < ?1 OR last_used_at < ?2")
                .setParameter(1, endedBefore).setParameter(2, endedBefore.minus(idle)).executeUpdate();
    }
}
