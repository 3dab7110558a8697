package app.arv.persistence.notification;

import app.arv.persistence.identity.Role;
import app.arv.persistence.identity.User;
import app.arv.persistence.shared.EntityRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * People's in-app notifications. Every query names the organization and the person: a notification is only ever
 * its recipient's, so another person's (or another organization's) is simply not found.
 */
@ApplicationScoped
public class NotificationRepository extends EntityRepository<Notification> {

    /**
     * The people of the organization who hear about its occurrences: its active admins, and {@code alsoUserId} (who
     * started the work, may be {@code null}) when that person is active in the same organization.
     */
    public List<User> recipients(UUID organizationId, UUID alsoUserId) {
        return em.createQuery("SELECT u FROM User u WHERE u.organizationId = :org AND u.active = TRUE"
                + " AND (u.role = :admin OR u.id = :also) ORDER BY u.id", User.class)
                .setParameter("org", organizationId).setParameter("admin", Role.ADMIN)
                .setParameter("also", alsoUserId == null ? new UUID(0, 0) : alsoUserId).getResultList();
    }

    /** The person's notifications, newest first (ties by id, so pages never overlap); only unread ones if asked. */
    public Page<Notification> list(UUID organizationId, UUID userId, boolean unreadOnly, PageRequest page) {
        String where = " WHERE n.organizationId = :org AND n.userId = :user" + (unreadOnly ? " AND n.readAt IS NULL" : "");
        var items = em.createQuery("SELECT n FROM Notification n" + where + " ORDER BY n.createdAt DESC, n.id DESC", Notification.class)
                .setParameter("org", organizationId).setParameter("user", userId);
        var count = em.createQuery("SELECT COUNT(n) FROM Notification n" + where, Long.class)
                .setParameter("org", organizationId).setParameter("user", userId);
        return Page.of(items, count, page);
    }

    public long unreadCount(UUID organizationId, UUID userId) {
        return em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.organizationId = :org AND n.userId = :user"
                + " AND n.readAt IS NULL", Long.class)
                .setParameter("org", organizationId).setParameter("user", userId).getSingleResult();
    }

    /** The person's own notification, or nothing (someone else's, another organization's, or gone). */
    public Optional<Notification> find(UUID organizationId, UUID userId, UUID id) {
        return em.createQuery("SELECT n FROM Notification n WHERE n.id = :id AND n.organizationId = :org AND n.userId = :user",
                Notification.class)
                .setParameter("id", id).setParameter("org", organizationId).setParameter("user", userId)
                .getResultStream().findFirst();
    }

    /** Marks every unread notification of the person read; how many were. */
    public int readAll(UUID organizationId, UUID userId, Instant at) {
        return em.createQuery("UPDATE Notification n SET n.readAt = :at WHERE n.organizationId = :org AND n.userId = :user"
                + " AND n.readAt IS NULL")
                .setParameter("at", at).setParameter("org", organizationId).setParameter("user", userId).executeUpdate();
    }

    /** Platform job: deletes at most {@code most} notifications read before the instant (unread ones stay); the number deleted. */
    public int removeReadBefore(Instant instant, int most) {
        return em.createNativeQuery("DELETE FROM notification WHERE id IN (SELECT id FROM notification WHERE read_at < ?1 LIMIT ?2)")
                .setParameter(1, instant).setParameter(2, most).executeUpdate();
    }
}
