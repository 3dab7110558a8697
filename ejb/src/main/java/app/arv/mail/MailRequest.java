package app.arv.mail;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail to queue: which one, to whom, in the recipient's language, with the values its templates need.
 *
 * @param organizationId the organization it concerns, or {@code null} for one that has none yet
 * @param values         text the templates show (escaped in HTML); links are absolute URLs
 */
public record MailRequest(UUID organizationId, MailKind kind, String recipient, Locale locale, Map<String, String> values) {

    public MailRequest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(recipient);
        values = Map.copyOf(values);
    }
}
