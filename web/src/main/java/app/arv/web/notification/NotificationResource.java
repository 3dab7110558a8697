package app.arv.web.notification;

import app.arv.notification.InAppChannel;
import app.arv.notification.NotificationService;
import app.arv.persistence.notification.Notification;
import app.arv.web.ApiDescription;
import app.arv.web.EventTypeNames;
import app.arv.web.json.Flag;
import app.arv.web.json.PageView;
import app.arv.web.json.Paging;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/**
 * The calling person's in-app notifications (people only: an API key is answered 403). Each is shown as
 * {@code {id, type, subject_id, data, occurred_at, read, console_path}} — the same object the WebSocket pushes as
 * {@code {"source": "notifications", "event": "notification", "notification": ...}}.
 */
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource implements ApiDescription.Notifications {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "My notifications, newest first (paged; unread=true for unread ones only; a value other than true or false: "
            + "400 invalid_filter)",
            description = "type is the event (" + EventTypeNames.ALL + "); "
                    + "data its details; console_path the console page of the thing it is about")
    public PageView<JsonObject> list(@QueryParam("unread") String unread, @Valid @BeanParam Paging paging) {
        return PageView.of(notifications.list(caller.get(), Flag.of("unread", unread), paging.toRequest()), InAppChannel::json);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many of my notifications are unread")
    public UnreadView unreadCount() {
        return new UnreadView(notifications.unreadCount(caller.get()));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of my notifications read (again: no change; someone else's: 404)")
    public JsonObject read(@PathParam("id") UUID id) {
        Notification notification = notifications.read(caller.get(), id);
        return InAppChannel.json(notification);
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark all my notifications read", description = "Answers how many were unread")
    public ReadView readAll() {
        return new ReadView(notifications.readAll(caller.get()));
    }

    public record UnreadView(long unread) {
    }

    public record ReadView(int read) {
    }
}
