package app.arv.persistence.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The channels a person chooses for themselves (webhooks belong to an organization, not a person). */
public enum NotificationChannel {
    /** The console's list and bell, and the live push on {@code /ws/events}. */
    IN_APP("in_app"),
    /** A mail to the person's address, in their language. */
    EMAIL("email");

    private final String wireName;

    NotificationChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NotificationChannel> fromWireName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.wireName.equals(wanted)).findFirst();
    }
}
