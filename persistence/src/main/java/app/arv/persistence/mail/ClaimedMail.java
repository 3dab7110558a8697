package app.arv.persistence.mail;

import java.time.Instant;
import java.util.UUID;

/**
 * A mail one sender holds until {@code leaseUntil}: what to send, and the {@code claimToken} without which the
 * row cannot be settled (a sender whose lease ran out and was taken over settles nothing).
 */
public record ClaimedMail(UUID id, UUID claimToken, Instant leaseUntil, int attempt, String recipient, String locale,
        String subject, String textBody, String htmlBody) {
}
