package app.arv.notification;

import java.util.UUID;

/**
 * The console page of the thing an occurrence is about, as a path under ARV's address ({@code /console/#/...}): the
 * in-app list links to it and mails make it absolute with {@code ARV_PUBLIC_URL}.
 */
public final class ConsolePages {

    /** The console's start page (its dashboard). */
    public static final String START = "/console/#/";

    private ConsolePages() {
    }

    public static String of(OccurrenceType type, UUID subjectId) {
        String route = switch (type) {
            case MARKER_READY, MARKER_FAILED, AR_CONTENT_EXPIRING, AR_CONTENT_EXPIRED -> "/content/" + subjectId;
            case GENERATION_FINISHED -> "/generations/" + subjectId;
            case API_KEY_CREATED, API_KEY_REVOKED -> "/settings/keys";
            case WEBHOOK_DISABLED -> "/webhooks";
            case QUOTA_WARNING, QUOTA_REACHED, TEST -> "/";
        };
        return "/console/#" + route;
    }
}
