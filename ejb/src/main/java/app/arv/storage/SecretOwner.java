package app.arv.storage;

import java.util.UUID;

/**
 * What a sealed secret belongs to, and so the associated data it is sealed with: the one place that builds those
 * contexts ({@code storage-connection:<organization>:<connection>}, {@code webhook:<organization>:<webhook>}). A
 * ciphertext opens only for the row it was sealed for: not as another kind of secret, not in another row of the same
 * organization, not in another organization. A webhook's previous secret (kept for the grace after a rotation) is
 * its former current one, so it belongs to the same webhook: moving it between the two columns of one row gains
 * nothing its own admins could not do.
 */
public record SecretOwner(Purpose purpose, UUID organizationId, UUID rowId) {

    /** The kinds of row that keep a sealed secret; the name is the context's first part and never changes. */
    public enum Purpose {
        STORAGE_CONNECTION("storage-connection"), WEBHOOK("webhook");

        private final String name;

        Purpose(String name) {
            this.name = name;
        }
    }

    /** An S3 storage connection's secret key. */
    public static SecretOwner storageConnection(UUID organizationId, UUID connectionId) {
        return new SecretOwner(Purpose.STORAGE_CONNECTION, organizationId, connectionId);
    }

    /** A webhook's signing secret, current or previous. */
    public static SecretOwner webhook(UUID organizationId, UUID webhookId) {
        return new SecretOwner(Purpose.WEBHOOK, organizationId, webhookId);
    }

    /** The associated data a secret of this owner is sealed with. */
    String context() {
        return purpose.name + ":" + organizationId + ":" + rowId;
    }

    /**
     * What secrets sealed before the contexts named their row were bound to: the organization id alone. Read as a
     * fallback only, and re-sealed at start-up ({@link SecretResealing}); to be removed in the release after next,
     * once every installation has started one that re-sealed its rows.
     */
    String legacyContext() {
        return organizationId.toString();
    }
}
