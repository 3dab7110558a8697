package app.arv.storage;

import app.arv.audit.AuditDetails;
import app.arv.audit.AuditTrail;
import app.arv.outbound.OutboundPolicy;
import app.arv.persistence.audit.AuditAction;
import app.arv.persistence.media.MediaDeletion;
import app.arv.persistence.media.MediaDeletionRepository;
import app.arv.persistence.media.MediaRepository;
import app.arv.persistence.shared.Page;
import app.arv.persistence.shared.PageRequest;
import app.arv.persistence.storage.ConnectionHolders;
import app.arv.persistence.storage.StorageConnection;
import app.arv.persistence.storage.StorageConnectionRepository;
import app.arv.persistence.storage.StorageProvider;
import app.arv.security.Caller;
import app.arv.shared.DomainException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** An organization's storage connections: managed by its admins, probed and measured on request. */
@Stateless
public class StorageConnectionService {

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    @Inject
    AuditTrail audit;

    @Inject
    StorageConnectionRepository connections;

    @Inject
    MediaRepository media;

    @Inject
    MediaDeletionRepository deletions;

    @Inject
    ObjectStores stores;

    @Inject
    OutboundPolicy outbound;

    public List<StorageConnection> list(Caller caller) {
        return connections.list(caller.organizationId());
    }

    public StorageConnection get(Caller caller, UUID id) {
        return connections.find(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Storage connection"));
    }

    /**
     * The connection, row-locked until the transaction ends: a recording through it (which share-locks it,
     * {@link ObjectStores#holdUnmoved}) is then either committed, and seen by the check whether media uses it, or
     * waits and finds it changed.
     */
    private StorageConnection lock(Caller caller, UUID id) {
        return connections.lock(caller.organizationId(), id).orElseThrow(() -> DomainException.notFound("Storage connection"));
    }

    public StorageConnection create(Caller caller, StorageConnectionSpec spec) {
        UUID org = caller.organizationId();
        String name = spec.name().strip();
        connections.holdSettingsLock(org);
        requireFreeName(org, name, null);
        String basePath = basePath(spec.basePath());
        StorageConnection connection;
        if (spec.provider() == StorageProvider.LOCAL) {
            connection = StorageConnection.local(org, name, directory(spec.directory()), basePath);
        } else {
            requireS3(spec.endpoint(), spec.bucket(), spec.accessKey(), spec.secretKey());
            requireAllowed(spec.endpoint());
            requireUsableByS3Client(spec.endpoint().strip(), spec.region(), spec.bucket());
            connection = StorageConnection.s3(org, name, spec.endpoint().strip(), blankToNull(spec.region()), spec.bucket(),
                    spec.accessKey(), null, basePath);
            stores.sealSecret(connection, spec.secretKey());
        }
        if (Boolean.TRUE.equals(spec.isDefault())) {
            connections.clearDefault(org);
            connection.makeDefault(true);
        }
        connections.add(connection);
        audit.record(caller, AuditAction.STORAGE_CONNECTION_CREATED, connection.getId(), AuditDetails.with("name", name)
                .and("provider", connection.getProvider()).and("default", connection.isDefaultConnection()));
        return connection;
    }

    public StorageConnection change(Caller caller, UUID id, StorageConnectionSpec spec) {
        UUID org = caller.organizationId();
        connections.holdSettingsLock(org);
        StorageConnection connection = lock(caller, id);
        if (spec.name() != null) {
            requireFreeName(org, spec.name().strip(), id);
            connection.rename(spec.name().strip());
        }
        if (spec.basePath() != null || spec.directory() != null || spec.endpoint() != null || spec.bucket() != null) {
            // Objects already stored keep their keys; moving them is not this endpoint's job.
            requireUnused(org, id);
        }
        if (spec.basePath() != null) {
            connection.rebase(basePath(spec.basePath()));
        }
        if (connection.getProvider() == StorageProvider.LOCAL && spec.directory() != null) {
            connection.moveTo(directory(spec.directory()));
        }
        if (connection.getProvider() == StorageProvider.S3) {
            String endpoint = spec.endpoint() == null ? null : spec.endpoint().strip();
            if (endpoint != null) {
                requireEndpoint(endpoint);
                requireAllowed(endpoint);
            }
            if (spec.bucket() != null) {
                requireBucket(spec.bucket());
            }
            // Only what changes: a connection saved before these checks can then be corrected one field at a time.
            requireUsableByS3Client(endpoint, spec.region(), spec.bucket());
            connection.changeS3(endpoint, spec.region(), spec.bucket(), spec.accessKey(), null);
            if (spec.secretKey() != null) {
                stores.sealSecret(connection, spec.secretKey());
            }
        }
        if (Boolean.TRUE.equals(spec.isDefault()) && !connection.isDefaultConnection()) {
            connections.clearDefault(org);
            connection.makeDefault(true);
        } else if (Boolean.FALSE.equals(spec.isDefault())) {
            connection.makeDefault(false);
        }
        audit.record(caller, AuditAction.STORAGE_CONNECTION_CHANGED, id, AuditDetails.with("name", connection.getName())
                .and("changed", changedFields(spec)).and("default", spec.isDefault()));
        return connection;
    }

    public void delete(Caller caller, UUID id) {
        StorageConnection connection = lock(caller, id);
        requireUnused(caller.organizationId(), id);
        connections.remove(connection);
        audit.record(caller, AuditAction.STORAGE_CONNECTION_DELETED, id, AuditDetails.with("name", connection.getName())
                .and("provider", connection.getProvider()));
    }

    /**
     * Writes, reads back and deletes a probe object, timing each step; a failed step ends the probe.
     * Outside any transaction: a slow store must not hold a database connection while it is waited for.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ProbeReport test(Caller caller, UUID id) {
        StorageTarget target = stores.target(get(caller, id));
        String key = StorageKeys.probe(target.prefix());
        byte[] probe = ("ARV storage probe " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        List<ProbeReport.Step> steps = new ArrayList<>();
        boolean ok = step(steps, "write", () -> target.store().put(key, new ByteArrayInputStream(probe), probe.length, "text/plain"))
                && step(steps, "read", () -> {
                    try (InputStream in = target.store().open(key, null)) {
                        // One byte more than was written tells a longer answer apart; a store that sends without end
                        // must not fill the heap.
                        if (!Arrays.equals(in.readNBytes(probe.length + 1), probe)) {
                            throw new StorageFailure("The probe read back differs from what was written");
                        }
                    }
                })
                && step(steps, "delete", () -> target.store().delete(key));
        return new ProbeReport(ok, steps);
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StorageUsage stats(Caller caller, UUID id) {
        return usage(stores.target(get(caller, id)));
    }

    /** What the organization has in the store it writes to now (its default connection or the platform store). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StorageUsage currentStats(Caller caller) {
        return usage(stores.currentTarget(caller.organizationId()));
    }

    private static StorageUsage usage(StorageTarget target) {
        try {
            return target.store().usage(target.prefix());
        } catch (StorageFailure e) {
            throw e.problem("The storage could not be listed: ");
        }
    }

    private interface StoreAction {
        void run() throws Exception;
    }

    private static boolean step(List<ProbeReport.Step> steps, String name, StoreAction action) {
        long start = System.nanoTime();
        try {
            action.run();
            steps.add(new ProbeReport.Step(name, true, (System.nanoTime() - start) / 1_000_000, null));
            return true;
        } catch (DomainException e) {
            throw e; // endpoint_not_allowed: no report, a refusal
        } catch (Exception e) {
            steps.add(new ProbeReport.Step(name, false, (System.nanoTime() - start) / 1_000_000,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return false;
        }
    }

    /** What a change touched, by name only: an entry never holds credentials. */
    private static List<String> changedFields(StorageConnectionSpec spec) {
        List<String> changed = new ArrayList<>();
        addIf(changed, "name", spec.name());
        addIf(changed, "base_path", spec.basePath());
        addIf(changed, "directory", spec.directory());
        addIf(changed, "endpoint", spec.endpoint());
        addIf(changed, "region", spec.region());
        addIf(changed, "bucket", spec.bucket());
        addIf(changed, "access_key", spec.accessKey());
        addIf(changed, "secret_key", spec.secretKey());
        addIf(changed, "is_default", spec.isDefault());
        return changed;
    }

    private static void addIf(List<String> changed, String field, Object value) {
        if (value != null) {
            changed.add(field);
        }
    }

    private void requireFreeName(UUID org, String name, UUID except) {
        if (connections.nameTaken(org, name, except)) {
            throw DomainException.conflict("storage_connection_name_taken", "A storage connection named '" + name + "' already exists");
        }
    }

    /**
     * The object deletions still owed (an org admin: the organization's; a platform admin: every organization's), soonest
     * due first: each holds its storage connection until it is carried out.
     */
    public Page<MediaDeletion> owedDeletions(Caller caller, PageRequest page) {
        return deletions.owed(caller.visibleOrganizations().narrowedTo(), page);
    }

    /**
     * Refuses while anything stored or owed goes through the connection; otherwise purges the retired rows that still
     * name it, so the connection can go (their objects are deleted) and no deleted file's name outlives it.
     */
    private void requireUnused(UUID org, UUID id) {
        ConnectionHolders holders = connections.holders(org, id);
        if (holders.any()) {
            throw StorageConnectionInUse.of(holders, "");
        }
        media.purgeRetiredStoredThrough(org, id);
    }

    private static void requireS3(String endpoint, String bucket, String accessKey, String secretKey) {
        requireEndpoint(endpoint);
        requireBucket(bucket);
        if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
            throw DomainException.invalid("storage_credentials_missing", "An S3 connection needs access_key and secret_key");
        }
    }

    private static void requireEndpoint(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw DomainException.invalid("storage_endpoint_invalid", "endpoint must be an http(s) URL");
        }
    }

    /**
     * Scheme, host and every address it resolves to (SSRF guard); the connection is checked again when used. Quietly:
     * with sign-up open anybody can be an org admin, and "resolves to a private address" against "does not resolve"
     * would map the installation's internal DNS, as it would through a webhook.
     */
    private void requireAllowed(String endpoint) {
        outbound.storageGuard().checkQuietly("endpoint", endpoint);
    }

    /**
     * The settings given (any may be {@code null}: not changed) as the S3 client checks them when it is built; saved
     * unchecked, the connection would fail every later use.
     */
    private static void requireUsableByS3Client(String endpoint, String region, String bucket) {
        S3ObjectStore.refusal(endpoint, region, bucket).ifPresent(refusal -> {
            throw DomainException.invalid("storage_" + refusal.field() + "_invalid",
                    refusal.field() + " is not accepted by the S3 client: " + refusal.reason());
        });
    }

    private static void requireBucket(String bucket) {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw DomainException.invalid("storage_bucket_invalid", "bucket must be a valid S3 bucket name");
        }
    }

    private static String directory(String directory) {
        if (directory == null || !StorageKeys.valid(directory.strip())) {
            throw DomainException.invalid("storage_directory_invalid",
                    "directory must be a relative path of letters, digits, '.', '_' and '-' segments");
        }
        return directory.strip();
    }

    private static String basePath(String basePath) {
        if (basePath == null || basePath.isBlank()) {
            return null;
        }
        String trimmed = basePath.strip().replaceAll("^/+|/+$", "");
        if (!StorageKeys.valid(trimmed)) {
            throw DomainException.invalid("storage_base_path_invalid", "base_path must be '/'-separated safe segments");
        }
        return trimmed;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
