package app.arv.notification;

import app.arv.mail.MailKind;
import app.arv.mail.MailRequest;
import app.arv.mail.Mails;
import app.arv.persistence.identity.Language;
import app.arv.persistence.identity.User;
import app.arv.platform.PublicAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The e-mail channel: the notification mail ({@link MailKind#NOTIFICATION}) in the outbox, in the transaction of the
 * occurrence, in the person's language, with an absolute link to the thing's console page. One template pair tells
 * every type; it gets every detail below as text (empty when the type has none), so no template ever misses a value.
 */
@ApplicationScoped
public class MailChannel {

    /** Where links point when {@code ARV_PUBLIC_URL} is not set: a mail has no request to take an address from. */
    static final String FALLBACK_BASE = "http://localhost:8080";

    /** The details of {@link Occurrence#data()} the template may show. */
    static final List<String> DETAILS = List.of("title", "name", "url", "marker_status", "verdict", "score", "failure", "status",
            "total", "completed", "failed", "cancelled", "quota", "used", "limit", "percent", "period", "expires_at");

    @Inject
    Mails mails;

    @Inject
    PublicAddress publicAddress;

    void deliver(Occurrence occurrence, User person) {
        Locale language = Language.storedOrFallback(person.getLocale()).locale();
        mails.queue(new MailRequest(occurrence.organizationId(), MailKind.NOTIFICATION, person.getEmail(), language,
                values(occurrence, publicAddress.or(FALLBACK_BASE))));
    }

    static Map<String, String> values(Occurrence occurrence, String publicBase) {
        Map<String, String> values = new HashMap<>();
        values.put("type", occurrence.type().wireName());
        values.put("link", publicBase + ConsolePages.of(occurrence.type(), occurrence.subjectId()));
        for (String detail : DETAILS) {
            values.put(detail, text(occurrence.data().get(detail)));
        }
        values.put("reasons", text(occurrence.data().get("reasons")));
        return values;
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return "";
        }
        if (value instanceof JsonString string) {
            return string.getString();
        }
        if (value instanceof JsonNumber number) {
            return number.toString();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(MailChannel::text).collect(Collectors.joining("; "));
        }
        return value.toString();
    }
}
