package app.arv.web.notification;

import app.arv.notification.NotificationPreferences;
import app.arv.notification.NotificationPreferences.Change;
import app.arv.notification.NotificationPreferences.Setting;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.notification.NotificationChannel;
import app.arv.shared.DomainException;
import app.arv.web.ApiDescription;
import app.arv.web.EventTypeNames;
import app.arv.web.security.CurrentCaller;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** Which events the calling person hears about on which channel (people only). */
@Path("me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
public class NotificationPreferenceResource implements ApiDescription.Notifications {

    @Inject
    NotificationPreferences preferences;

    @Inject
    CurrentCaller caller;

    @GET
    @Operation(summary = "Every event type on every channel (in_app, email): on or off, and whether that is the default",
            description = "Defaults: in_app on for everything; email on for " + EventTypeNames.MAILED_BY_DEFAULT + "; off for "
                    + EventTypeNames.NOT_MAILED_BY_DEFAULT)
    public PreferencesView list() {
        return PreferencesView.of(preferences.list(caller.get()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some of my preferences; the others stay as they are",
            description = "preferences: [{type, channel, enabled}] — enabled true or false sets a choice, null resets "
                    + "it to the default. An unknown type or channel is refused (400) and nothing changes. Answers every "
                    + "setting, as GET does")
    public PreferencesView change(@Valid @NotNull PreferencesChange body) {
        List<Change> changes = body.preferences.stream().map(NotificationPreferenceResource::parsed).toList();
        return PreferencesView.of(preferences.change(caller.get(), changes));
    }

    private static Change parsed(PreferenceChange change) {
        OccurrenceType type = OccurrenceType.fromWireName(change.type).orElseThrow(() -> DomainException.unknownName(
                "unknown_event_type", "Unknown event type '" + change.type + "'"));
        NotificationChannel channel = NotificationChannel.fromWireName(change.channel).orElseThrow(() -> DomainException.unknownName(
                "unknown_channel", "Unknown channel '" + change.channel + "': in_app or email"));
        return new Change(type, channel, change.enabled);
    }

    /* Classes, not records: see LoginResource (payara/Payara#7649). */
    public static class PreferencesChange {
        @NotNull
        @Size(min = 1, max = 100)
        public List<@Valid @NotNull PreferenceChange> preferences;
    }

    public static class PreferenceChange {
        @NotNull
        public String type;

        @NotNull
        public String channel;

        /** true, false, or null: back to the default. */
        public Boolean enabled;
    }

    public record PreferenceView(String type, String channel, boolean enabled, boolean isDefault) {
        static PreferenceView of(Setting setting) {
            return new PreferenceView(setting.type().wireName(), setting.channel().wireName(), setting.enabled(), setting.isDefault());
        }
    }

    public record PreferencesView(List<PreferenceView> items) {
        static PreferencesView of(List<Setting> settings) {
            return new PreferencesView(settings.stream().map(PreferenceView::of).toList());
        }
    }
}
