package app.arv.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of {@link Occurrence}, each with the name webhooks, the API and preferences use for it. */
public enum OccurrenceType {

    /** An AR content's marker compiled and is ready to print. */
    MARKER_READY("marker.ready"),
    /** An AR content's marker could not be compiled. */
    MARKER_FAILED("marker.failed"),
    /** A generation job reached a final status (completed, partly failed, failed or cancelled). */
    GENERATION_FINISHED("generation.finished"),
    /** An AR content expires within the warning period (sent once per content and expiry date). */
    AR_CONTENT_EXPIRING("ar_content.expiring"),
    /** An AR content's expiry date passed: the viewer no longer shows it (sent once). */
    AR_CONTENT_EXPIRED("ar_content.expired"),
    /** An organization used 80 % of a quota this period (sent once per quota and period). */
    QUOTA_WARNING("quota.warning"),
    /** An organization used all of a quota this period (sent once per quota and period). */
    QUOTA_REACHED("quota.reached"),
    /** An API key was created. */
    API_KEY_CREATED("api_key.created"),
    /** An API key was revoked. */
    API_KEY_REVOKED("api_key.revoked"),
    /** A webhook kept failing for its whole retry period and was switched off (told to the organization's admins). */
    WEBHOOK_DISABLED("webhook.disabled"),
    /** Sent on request to check a webhook endpoint; never fired by the platform itself. */
    TEST("test");

    private final String wireName;

    OccurrenceType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in webhook payloads, the notification API and preferences, e.g. {@code marker.failed}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<OccurrenceType> fromWireName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wanted)).findFirst();
    }
}
