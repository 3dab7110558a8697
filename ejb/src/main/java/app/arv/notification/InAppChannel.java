package app.arv.notification;

import app.arv.events.LiveEvents;
import app.arv.events.OrganizationEventHub;
import app.arv.persistence.identity.User;
import app.arv.persistence.notification.Notification;
import app.arv.persistence.notification.NotificationRepository;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * The console's channel: a notification row for the person, and — once that is committed ({@link LiveEvents}) — a live push to their own
 * WebSockets on any node ({@code arv:org:<organization>:notifications:<person>} on Redis, which
 * {@link OrganizationEventHub} hands only to that person's sockets). A Redis outage costs the push, never the row.
 */
@ApplicationScoped
public class InAppChannel {

    /** The events' source on the WebSocket ({@code "source": "notifications"}). */
    public static final String SOURCE = "notifications";

    @Inject
    NotificationRepository notifications;

    @Inject
    LiveEvents live;

    void deliver(Occurrence occurrence, User person) {
        Notification notification = notifications.add(new Notification(occurrence.organizationId(), person.getId(),
                occurrence.type().wireName(), occurrence.subjectId(), occurrence.data().toString(), occurrence.at()));
        String message = Jsonp.createObjectBuilder().add("event", "notification").add("notification", json(notification))
                .build().toString();
        String channel = OrganizationEventHub.personChannel(occurrence.organizationId(), SOURCE, person.getId());
        live.publish("Notification " + notification.getId(), message, channel);
    }

    /**
     * A notification as the API and the WebSocket show it. A stored type this version does not know (a type renamed or
     * dropped since the row was written) is shown as stored, linking to the console's start page: the same rule as the
     * preferences' ({@link NotificationPreferences.Choices}, which pass over such rows) — an old row never fails a read.
     */
    public static JsonObject json(Notification notification) {
        String consolePath = OccurrenceType.fromWireName(notification.getType())
                .map(type -> ConsolePages.of(type, notification.getSubjectId())).orElse(ConsolePages.START);
        JsonObjectBuilder json = Jsonp.createObjectBuilder()
                .add("id", notification.getId().toString())
                .add("type", notification.getType());
        if (notification.getSubjectId() == null) {
            json.addNull("subject_id");
        } else {
            json.add("subject_id", notification.getSubjectId().toString());
        }
        return json.add("data", Jsonp.readObject(notification.getData()))
                .add("occurred_at", notification.getOccurredAt().toString())
                .add("read", notification.isRead())
                .add("console_path", consolePath)
                .build();
    }
}
