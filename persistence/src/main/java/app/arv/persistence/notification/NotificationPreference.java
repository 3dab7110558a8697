package app.arv.persistence.notification;

/** A person's own choice for one event type (its wire name) on one channel; without one, the type's default holds. */
public record NotificationPreference(String eventType, NotificationChannel channel, boolean enabled) {
}
