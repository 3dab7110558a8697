package app.arv.notification;

import app.arv.persistence.notification.NotificationChannel;
import app.arv.persistence.notification.NotificationPreference;
import app.arv.persistence.notification.NotificationPreferenceRepository;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Which channels tell a person about which events: their own choice where they made one, else the default — in the
 * console everything; by e-mail what needs someone to act (failures, expiry, quotas, keys, a disabled webhook), not
 * the routine news of work that went well (a marker ready, a generation finished), which the console shows anyway.
 */
@Stateless
public class NotificationPreferences {

    /** One event type on one channel for one person: on or off, and whether that is the default. */
    public record Setting(OccurrenceType type, NotificationChannel channel, boolean enabled, boolean isDefault) {
    }

    /** A change asked for: {@code enabled} {@code null} forgets the person's choice (the default holds again). */
    public record Change(OccurrenceType type, NotificationChannel channel, Boolean enabled) {

        public Change {
            Objects.requireNonNull(type);
            Objects.requireNonNull(channel);
        }
    }

    /** A person's effective choices, read once for every occurrence told to them. */
    public static final class Choices {

        private final Map<OccurrenceType, Map<NotificationChannel, Boolean>> chosen = new EnumMap<>(OccurrenceType.class);

        Choices(List<NotificationPreference> rows) {
            for (NotificationPreference row : rows) {
                OccurrenceType.fromWireName(row.eventType()).ifPresent(type -> chosen
                        .computeIfAbsent(type, t -> new EnumMap<>(NotificationChannel.class)).put(row.channel(), row.enabled()));
            }
        }

        public boolean enabled(OccurrenceType type, NotificationChannel channel) {
            Boolean own = chosen.getOrDefault(type, Map.of()).get(channel);
            return own != null ? own : byDefault(type, channel);
        }

        boolean isDefault(OccurrenceType type, NotificationChannel channel) {
            return chosen.getOrDefault(type, Map.of()).get(channel) == null;
        }
    }

    @Inject
    NotificationPreferenceRepository preferences;

    /** The event types a person chooses for: every one the platform fires ({@code test} is only sent on request). */
    public static List<OccurrenceType> choosable() {
        return Arrays.stream(OccurrenceType.values()).filter(t -> t != OccurrenceType.TEST).toList();
    }

    public static boolean byDefault(OccurrenceType type, NotificationChannel channel) {
        return switch (channel) {
            case IN_APP -> true;
            case EMAIL -> switch (type) {
                // Keys are issued and revoked by the admins themselves, often by scripts: a mail to every admin each time
                // is noise (the audit log and the in-app list keep them). Failures and deadlines are worth a mail.
                case MARKER_READY, GENERATION_FINISHED, API_KEY_CREATED, API_KEY_REVOKED, TEST -> false;
                case MARKER_FAILED, AR_CONTENT_EXPIRING, AR_CONTENT_EXPIRED, QUOTA_WARNING, QUOTA_REACHED, WEBHOOK_DISABLED -> true;
            };
        };
    }

    public Choices of(UUID userId) {
        return new Choices(preferences.of(userId));
    }

    /** Every choosable type on every channel, with its effective value. People only. */
    public List<Setting> list(Caller caller) {
        Choices choices = of(person(caller));
        List<Setting> settings = new ArrayList<>();
        for (OccurrenceType type : choosable()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                settings.add(new Setting(type, channel, choices.enabled(type, channel), choices.isDefault(type, channel)));
            }
        }
        return settings;
    }

    /** Applies the changes (the last one wins for a type and channel) and answers every setting. */
    public List<Setting> change(Caller caller, List<Change> changes) {
        UUID userId = person(caller);
        Map<String, Change> last = new HashMap<>();
        for (Change change : changes) {
            if (change.type() == OccurrenceType.TEST) {
                throw DomainException.unknownName("unknown_event_type", "test events are sent only on request: there is nothing to choose");
            }
            last.put(change.type() + "/" + change.channel(), change);
        }
        for (Change change : last.values()) {
            if (change.enabled() == null) {
                preferences.reset(userId, change.type().wireName(), change.channel());
            } else {
                preferences.choose(userId, new NotificationPreference(change.type().wireName(), change.channel(), change.enabled()));
            }
        }
        return list(caller);
    }

    public static UUID person(Caller caller) {
        if (caller.isApiKey()) {
            throw DomainException.forbidden("An API key is not a person: notifications and their preferences are people's");
        }
        return caller.userId();
    }
}
