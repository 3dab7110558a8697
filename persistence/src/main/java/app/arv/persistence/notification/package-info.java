/**
 * Notifications as stored: a person's in-app {@link Notification}s (read or not, removed some time after being
 * read), their {@link NotificationPreference}s per event type and {@link NotificationChannel} (a missing row is the
 * default, which is the service's rule, not the schema's), and the {@link OccurrenceMarkRepository once-only marks}
 * that keep an occurrence from being told twice on any node. Event types are stored by their wire name (a string),
 * so this package does not depend on the services' enum. Used by {@code app.arv.notification}.
 */
package app.arv.persistence.notification;
