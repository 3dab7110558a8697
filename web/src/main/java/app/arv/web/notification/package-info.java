/**
 * A person's notifications over HTTP: the in-app list, unread count and marking read ({@link NotificationResource}), and
 * their preferences per event type and channel ({@link NotificationPreferenceResource}). Thin: the rules are
 * {@code app.arv.notification}'s; the live push arrives on {@code /ws/events} ({@code app.arv.web.events}).
 */
package app.arv.web.notification;
