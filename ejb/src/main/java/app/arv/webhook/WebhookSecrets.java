package app.arv.webhook;

import app.arv.shared.DomainException;
import app.arv.storage.ObjectStores;
import app.arv.storage.SecretOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * Webhook signing secrets: made here (32 random bytes) or given by the admin (at least {@value #MIN_LENGTH}
 * characters), kept encrypted at rest with the installation's secret cipher (the one storage secrets use), sealed
 * for their webhook ({@link SecretOwner#webhook}), the previous secret after a rotation too. Unlike a password the
 * secret must be usable again to sign, so it cannot be hashed.
 */
@ApplicationScoped
public class WebhookSecrets {

    public static final int MIN_LENGTH = 32;
    public static final int MAX_LENGTH = 128;
    private static final String PREFIX = "whsec_";
    private static final int HINT = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ObjectStores stores;

    /** A new random secret. */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The admin's own secret, or a new one when none was given.
     *
     * @throws DomainException {@code invalid_secret} (422) for one too short, too long or with spaces or control characters
     */
    public static String chosenOrGenerated(String given) {
        if (given == null) {
            return generate();
        }
        if (given.length() < MIN_LENGTH || given.length() > MAX_LENGTH || !given.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw DomainException.invalid("invalid_secret", "secret must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " printable ASCII characters without spaces");
        }
        return given;
    }

    /** What listings show of a secret: its last characters, enough to tell two apart. */
    public static String hint(String secret) {
        return "…" + secret.substring(secret.length() - HINT);
    }

    public String encrypt(UUID organizationId, UUID webhookId, String secret) {
        return stores.cipher().seal(secret, SecretOwner.webhook(organizationId, webhookId));
    }

    /** @throws IllegalStateException when the ciphertext was not sealed for this webhook (or with another key) */
    public String decrypt(UUID organizationId, UUID webhookId, String ciphertext) {
        return stores.cipher().open(ciphertext, SecretOwner.webhook(organizationId, webhookId));
    }
}
