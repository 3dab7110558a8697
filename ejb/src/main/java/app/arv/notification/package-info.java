/**
 * Notifications: an {@link app.arv.notification.Occurrence} fired by the service where something happened, and the
 * channels that tell people and systems about it (in the console, by e-mail, by webhook), each observing the
 * occurrence inside the firing transaction. Services announce through {@link app.arv.notification.Occurrences}
 * (which also keeps once-only occurrences — quotas, expiry — from being told twice); {@link
 * app.arv.notification.PersonalDelivery} observes them for people: {@link app.arv.notification.Recipients} says who,
 * {@link app.arv.notification.NotificationPreferences} on which channel ({@link app.arv.notification.InAppChannel},
 * {@link app.arv.notification.MailChannel}). {@link app.arv.notification.ExpiryWatch} and {@link
 * app.arv.notification.NotificationRetention} are its periodic rounds ({@code platform.ClusterRound}). Uses persistence, mail, events, security, platform (its rounds) and shared;
 * used by the services that fire (markers, generations, protection, identity's {@code ApiKeyService}) and by
 * {@code app.arv.webhook}, which observes the occurrences and sends them; nothing in web.
 */
package app.arv.notification;
