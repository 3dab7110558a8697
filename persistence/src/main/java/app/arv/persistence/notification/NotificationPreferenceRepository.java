package app.arv.persistence.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** People's own notification choices (only those they made: defaults are not stored). */
@ApplicationScoped
public class NotificationPreferenceRepository {

    @PersistenceContext(unitName = "arv")
    EntityManager em;

    /** Every choice the person made. */
    public List<NotificationPreference> of(UUID userId) {
        List<?> rows = em.createNativeQuery("SELECT event_type, channel, enabled FROM notification_preference WHERE user_id = ?1")
                .setParameter(1, userId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new NotificationPreference((String) r[0], NotificationChannel.valueOf((String) r[1]), (Boolean) r[2]))
                .toList();
    }

    /** Sets (or replaces) the person's choice. */
    public void choose(UUID userId, NotificationPreference choice) {
        em.createNativeQuery("INSERT INTO notification_preference (user_id, event_type, channel, enabled, updated_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (user_id, event_type, channel)"
                + " DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at")
                .setParameter(1, userId).setParameter(2, choice.eventType()).setParameter(3, choice.channel().name())
                .setParameter(4, choice.enabled()).setParameter(5, Instant.now()).executeUpdate();
    }

    /** Forgets the person's choice: the default holds again. */
    public void reset(UUID userId, String eventType, NotificationChannel channel) {
        em.createNativeQuery("DELETE FROM notification_preference WHERE user_id = ?1 AND event_type = ?2 AND channel = ?3")
                .setParameter(1, userId).setParameter(2, eventType).setParameter(3, channel.name()).executeUpdate();
    }
}
