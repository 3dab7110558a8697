package app.arv.persistence.media;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.util.UUID;

/**
 * Which stored object of which organization a store owes us a deletion of: what a pending deletion
 * ({@link MediaDeletion}) and a parked one ({@link MediaDeletionDeadLetter}) both name, under the id
 * the deletion keeps from the first attempt to the dead-letter table. An object written before the transaction that
 * records it names no resource ({@link MediaDeletion#unlessRecorded}).
 */
@MappedSuperclass
public abstract class OwedDeletion {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    /** {@code null} for a staged object: no resource was recorded for it. */
    @Column(name = "resource_id", updatable = false)
    private UUID resourceId;

    @Column(name = "storage_connection_id", updatable = false)
    private UUID storageConnectionId;

    @Column(name = "storage_key", nullable = false, length = 500, updatable = false)
    private String storageKey;

    protected OwedDeletion() {
    }

    /** A new deletion of {@code resource}'s object. */
    protected OwedDeletion(MediaResource resource) {
        this.id = UUID.randomUUID();
        this.organizationId = resource.getOrganizationId();
        this.resourceId = resource.getId();
        this.storageConnectionId = resource.getStorageConnectionId();
        this.storageKey = resource.getStorageKey();
    }

    /** A new deletion of an object that no resource names (yet). */
    protected OwedDeletion(UUID organizationId, UUID storageConnectionId, String storageKey) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.storageConnectionId = storageConnectionId;
        this.storageKey = storageKey;
    }

    /** The same deletion, moved (parked). */
    protected OwedDeletion(OwedDeletion same) {
        this.id = same.id;
        this.organizationId = same.organizationId;
        this.resourceId = same.resourceId;
        this.storageConnectionId = same.storageConnectionId;
        this.storageKey = same.storageKey;
    }

    /** An attempt's error as the column keeps it. */
    protected static String bounded(String error) {
        return error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000));
    }

    public UUID getId() { return id; }

    public UUID getOrganizationId() { return organizationId; }

    public UUID getResourceId() { return resourceId; }

    public UUID getStorageConnectionId() { return storageConnectionId; }

    public String getStorageKey() { return storageKey; }
}
