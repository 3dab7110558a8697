package app.arv.persistence.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery one sender holds until {@code leaseUntil}: where to post what, with which secrets (encrypted; the
 * previous one only while it is still valid), and the {@code claimToken} without which the row cannot be settled.
 *
 * @param attempt the number of this attempt (1 = the first)
 * @param firstAttemptAt when the first attempt began: the retry period counts from here
 */
public record ClaimedDelivery(UUID id, UUID claimToken, Instant leaseUntil, int attempt, Instant firstAttemptAt,
        UUID webhookId, UUID organizationId, String url, String secretCiphertext, String previousSecretCiphertext,
        UUID eventId, String eventType, String payload) {
}
