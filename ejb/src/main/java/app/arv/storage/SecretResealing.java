package app.arv.storage;

import app.arv.persistence.shared.ClusterLock;
import app.arv.persistence.shared.ClusterLocks;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageConnectionRepository;
import app.arv.persistence.webhook.Webhook;
import app.arv.persistence.webhook.WebhookRepository;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * At deployment: seals anew every kept secret (S3 secrets of storage connections, webhook signing secrets, a previous
 * one while it signs) that an older release sealed bound to its organization only, so that it is bound to its row
 * ({@link SecretOwner}). Nodes starting at once take turns (a cluster lock, and the rows locked): one re-seals, the
 * others find nothing left. A node of the older release still running during a rolling upgrade may seal more the old
 * way; {@link SecretCipher#open} reads them, and the last node to start re-seals them. With the legacy context gone
 * (the release after next) this goes too. A secret that opens for no owner (another key's) is left as it is, and
 * counted in the log.
 */
@Singleton
@Startup
@DependsOn({"SchemaMigration", "EncryptionKeyAgreement"})
public class SecretResealing {

    private static final Logger LOG = Logger.getLogger(SecretResealing.class.getName());

    @Inject
    ClusterLocks locks;

    @Inject
    ObjectStores stores;

    @Inject
    StorageConnectionRepository connections;

    @Inject
    WebhookRepository webhooks;

    @PostConstruct
    void atStartup() {
        Tally tally = reseal(Instant.now());
        if (tally.resealed > 0) {
            LOG.info(() -> tally.resealed + " stored secrets sealed by an older release were sealed anew, bound to their rows");
        }
        if (tally.unreadable > 0) {
            LOG.warning(() -> tally.unreadable + " stored secrets cannot be decrypted with the configured key and were left"
                    + " as they are; their storage connections and webhooks fail until an admin gives them a new secret");
        }
    }

    /** Seals anew, in the caller's transaction, whatever is still sealed the old way; how many were, and how many unreadable. */
    Tally reseal(Instant now) {
        locks.hold(ClusterLock.SECRET_RESEALING);
        Tally tally = new Tally();
        for (StorageConnection connection : connections.lockAllWithSecret()) {
            tally.reseal(connection.getSecretCiphertext(), ObjectStores.secretOwner(connection),
                    sealed -> connection.changeS3(null, null, null, null, sealed));
        }
        for (Webhook webhook : webhooks.lockAll()) {
            SecretOwner owner = SecretOwner.webhook(webhook.getOrganizationId(), webhook.getId());
            tally.reseal(webhook.getSecretCiphertext(), owner, webhook::resealSecret);
            String previous = webhook.previousSecretCiphertextAt(now);
            if (previous != null) {
                tally.reseal(previous, owner, webhook::resealPreviousSecret);
            }
        }
        return tally;
    }

    /** What one pass did. */
    final class Tally {

        int resealed;
        int unreadable;

        private void reseal(String ciphertext, SecretOwner owner, Consumer<String> keep) {
            Optional<String> sealed;
            try {
                sealed = stores.cipher().resealed(ciphertext, owner);
            } catch (IllegalStateException e) {
                unreadable++;
                return;
            }
            sealed.ifPresent(s -> {
                keep.accept(s);
                resealed++;
            });
        }
    }
}
