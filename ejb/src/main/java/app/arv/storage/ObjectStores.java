package app.arv.storage;

import app.arv.outbound.OutboundPolicy;
import app.arv.persistence.storage.ConnectionPlace;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageConnectionRepository;
import app.arv.persistence.storage.StorageProvider;
import app.arv.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns storage connections into {@link ObjectStore}s. Without a default connection an organization
 * uses the platform's own local store ({@code arv.data.dir/storage}) under its organization prefix.
 * Local connections live below {@code arv.data.dir/storage/connections/<organization>/}, so an org
 * admin can never point ARV at an arbitrary server directory.
 */
@ApplicationScoped
public class ObjectStores {

    @Inject
    @ConfigProperty(name = "arv.data.dir")
    String dataDir;

    @Inject
    @ConfigProperty(name = "arv.storage.encryption-key")
    Optional<String> encryptionKey;

    @Inject
    StorageConnectionRepository connections;

    @Inject
    OutboundPolicy outbound;

    @Inject
    StorageTimeouts timeouts;

    private SecretCipher cipher;
    private LocalObjectStore platformStore;
    /** S3 clients are worth reusing (connection pools); a changed connection gets a new one. */
    private final Map<String, ObjectStore> stores = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        Path root = Path.of(dataDir).resolve("storage");
        platformStore = new LocalObjectStore(root);
        cipher = SecretCipher.configuredOrKept(encryptionKey, Path.of(dataDir, "storage-encryption.key"));
    }

    public SecretCipher cipher() {
        return cipher;
    }

    /** Keeps {@code secret} as the S3 connection's secret key, sealed for that connection. */
    public void sealSecret(StorageConnection connection, String secret) {
        connection.changeS3(null, null, null, null, cipher.seal(secret, secretOwner(connection)));
    }

    static SecretOwner secretOwner(StorageConnection connection) {
        return SecretOwner.storageConnection(connection.getOrganizationId(), connection.getId());
    }

    /** The organization's default connection, or the platform store. */
    public StorageTarget currentTarget(UUID organizationId) {
        return connections.findDefault(organizationId).map(this::target)
                .orElseGet(() -> new StorageTarget(null, platformStore, StorageKeys.organizationPrefix(null, organizationId)));
    }

    /** Where an existing object lives; {@code connectionId} {@code null} is the platform store. */
    public StorageTarget target(UUID organizationId, UUID connectionId) {
        if (connectionId == null) {
            return new StorageTarget(null, platformStore, StorageKeys.organizationPrefix(null, organizationId));
        }
        return target(connections.find(organizationId, connectionId)
                .orElseThrow(() -> DomainException.notFound("Storage connection")));
    }

    public StorageTarget target(StorageConnection connection) {
        return new StorageTarget(connection.getId(), storeOf(connection),
                StorageKeys.organizationPrefix(connection.getBasePath(), connection.getOrganizationId()),
                ConnectionPlace.of(connection));
    }

    /**
     * For the transaction that records what was written to the target: share-locks the target's connection until the
     * transaction ends, so that it can be neither moved nor deleted before the record is committed (changing and
     * deleting a connection take its row lock, then check whether media uses it), and refuses if it already was since
     * the target was made: the record would name a connection whose store does not hold the object.
     *
     * @throws DomainException 409 {@code storage_connection_changed}
     */
    public void holdUnmoved(UUID organizationId, StorageTarget target) {
        if (target.connectionId() == null) {
            return; // the platform store does not move
        }
        if (!connections.lockedPlace(organizationId, target.connectionId()).equals(Optional.of(target.location()))) {
            throw DomainException.conflict("storage_connection_changed", "The storage connection was changed or deleted while"
                    + " the file was being stored; send the request again");
        }
    }

    private ObjectStore storeOf(StorageConnection c) {
        String version = c.getId() + "@" + c.getUpdatedAt();
        ObjectStore current = stores.get(version);
        if (current != null) {
            return current;
        }
        // Outside computeIfAbsent: a ConcurrentHashMap must not be changed from inside its own mapping function.
        stores.keySet().removeIf(k -> k.startsWith(c.getId() + "@"));
        return stores.computeIfAbsent(version, v -> create(c));
    }

    private ObjectStore create(StorageConnection c) {
        if (c.getProvider() == StorageProvider.LOCAL) {
            return new LocalObjectStore(localRoot(c.getOrganizationId()).resolve(c.getDirectory()));
        }
        // Checked again on use: a connection saved before the guard existed, or whose host now resolves elsewhere.
        outbound.storageGuard().check("endpoint", c.getEndpoint());
        // Saved before its settings were checked as the S3 client checks them: the organization's files are out of reach
        // until an admin corrects it, which is no server error, and no outage either: waiting would not heal it (the
        // compile job retries an outage, but fails an item at once for this).
        S3ObjectStore.refusal(c.getEndpoint(), c.getRegion(), c.getBucket()).ifPresent(r -> {
            throw DomainException.storageMisconfigured("The storage connection '" + c.getName() + "' has a " + r.field()
                    + " the S3 client refuses (" + r.reason() + "); an organization admin must correct it");
        });
        return new S3ObjectStore(c.getEndpoint(), c.getRegion(), c.getBucket(), c.getAccessKey(),
                cipher.open(c.getSecretCiphertext(), secretOwner(c)),
                timeouts.httpClient(outbound.storageGuard().dns()), timeouts.readDeadline());
    }

    Path localRoot(UUID organizationId) {
        return platformStore.root().resolve("connections").resolve(organizationId.toString());
    }
}
