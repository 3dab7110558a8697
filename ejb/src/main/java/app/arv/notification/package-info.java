/**
 * Notifications: an {@link app.arv.notification.Occurrence} fired by the service where something happened, and the
 * channels that tell people and systems about it (in the console, by e-mail, by webhook), each observing the
 * occurrence inside the firing transaction. Uses persistence, mail and events; nothing in web.
 */
package app.arv.notification;
