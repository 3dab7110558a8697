/**
 * Notifications: an {@link app.arv.notification.Occurrence} fired by the service where something happened, and the
 * channels that tell people and systems about it (in the console, by e-mail, by webhook), each observing the
 * occurrence inside the firing transaction. Services announce through {@link app.arv.notification.Occurrences}
 * (which also keeps once-only occurrences — quotas, expiry — from being told twice); each feature builds its own
 * occurrences and their data in its own package ({@code marker.MarkerOccurrences}, {@code generation.GenerationOccurrences},
 * {@code identity.ApiKeyOccurrences}, {@code webhook.WebhookOccurrences}, {@code protection.QuotaOccurrences}), so this
 * package knows the kinds ({@link app.arv.notification.OccurrenceType}) but no feature's code. {@link
 * app.arv.notification.PersonalDelivery} observes them for people: {@link app.arv.notification.Recipients} says who (the admins,
 * and the person the building feature names as having started the work),
 * {@link app.arv.notification.NotificationPreferences} on which channel ({@link app.arv.notification.InAppChannel},
 * {@link app.arv.notification.MailChannel}). {@link app.arv.notification.NotificationRetention} is its periodic round
 * ({@code platform.ClusterRound}). Uses persistence, mail, events, security, platform (its rounds) and shared —
 * never a feature package;
 * used by the services that fire (markers, generations, protection, identity's {@code ApiKeyService}, webhooks) and by
 * {@code app.arv.webhook}, which observes the occurrences and sends them; nothing in web.
 */
package app.arv.notification;
