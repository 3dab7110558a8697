package app.arv.web;

import app.arv.notification.NotificationPreferences;
import app.arv.notification.OccurrenceType;
import app.arv.persistence.notification.NotificationChannel;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The event types as the API description names them, made from {@link OccurrenceType} when the document is built
 * ({@link ProblemResponses}) so that no description lists them by hand: an operation's description writes a
 * placeholder and gets the names in its place.
 */
public final class EventTypeNames {

    /** Every type a person or a webhook hears of ({@code test} is only sent on request). */
    public static final String ALL = "{event_types}";
    /** The types mailed by default. */
    public static final String MAILED_BY_DEFAULT = "{event_types_mailed}";
    /** The types not mailed by default. */
    public static final String NOT_MAILED_BY_DEFAULT = "{event_types_not_mailed}";

    private EventTypeNames() {
    }

    /** The description with each placeholder replaced by its names, comma-separated; {@code null} stays {@code null}. */
    public static String fill(String description) {
        if (description == null) {
            return null;
        }
        String filled = description;
        for (Map.Entry<String, String> names : Map.of(ALL, names(true, true), MAILED_BY_DEFAULT, names(true, false),
                NOT_MAILED_BY_DEFAULT, names(false, true)).entrySet()) {
            filled = filled.replace(names.getKey(), names.getValue());
        }
        return filled;
    }

    private static String names(boolean mailed, boolean notMailed) {
        return NotificationPreferences.choosable().stream().filter(type -> {
            boolean byDefault = NotificationPreferences.byDefault(type, NotificationChannel.EMAIL);
            return byDefault ? mailed : notMailed;
        }).map(OccurrenceType::wireName).collect(Collectors.joining(", "));
    }
}
