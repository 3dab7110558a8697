package app.arv.persistence.storage;

import app.arv.persistence.shared.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.util.UUID;

/**
 * Where an organization keeps its files: a local directory or an S3 bucket. The S3 secret is only
 * ever held here as ciphertext; decrypting it is the service layer's business.
 */
@Entity
@Table(name = "storage_connection")
public class StorageConnection extends TenantEntity {

    /** The columns' lengths, which the API's requests are held to (one home: the column and its check read the same constant). */
    public static final int MAX_NAME = 100;
    public static final int MAX_DIRECTORY = 500;
    public static final int MAX_ENDPOINT = 500;
    public static final int MAX_REGION = 64;
    public static final int MAX_BUCKET = 63;
    public static final int MAX_ACCESS_KEY = 200;
    public static final int MAX_BASE_PATH = 200;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private StorageProvider provider;

    @Column(name = "is_default", nullable = false)
    private boolean defaultConnection;

    @Column(length = MAX_DIRECTORY)
    private String directory;

    @Column(length = MAX_ENDPOINT)
    private String endpoint;

    @Column(length = MAX_REGION)
    private String region;

    @Column(length = MAX_BUCKET)
    private String bucket;

    @Column(name = "access_key", length = MAX_ACCESS_KEY)
    private String accessKey;

    @Column(name = "secret_ciphertext", length = 1000)
    private String secretCiphertext;

    @Column(name = "base_path", length = MAX_BASE_PATH)
    private String basePath;

    protected StorageConnection() {
    }

    private StorageConnection(UUID organizationId, String name, StorageProvider provider, String basePath) {
        super(UUID.randomUUID(), organizationId);
        this.name = name;
        this.provider = provider;
        this.basePath = basePath;
    }

    public static StorageConnection local(UUID organizationId, String name, String directory, String basePath) {
        StorageConnection c = new StorageConnection(organizationId, name, StorageProvider.LOCAL, basePath);
        c.directory = directory;
        return c;
    }

    public static StorageConnection s3(UUID organizationId, String name, String endpoint, String region, String bucket,
            String accessKey, String secretCiphertext, String basePath) {
        StorageConnection c = new StorageConnection(organizationId, name, StorageProvider.S3, basePath);
        c.changeS3(endpoint, region, bucket, accessKey, secretCiphertext);
        return c;
    }

    public void rename(String name) {
        this.name = name;
    }

    public void makeDefault(boolean isDefault) {
        this.defaultConnection = isDefault;
    }

    public void moveTo(String directory) {
        this.directory = directory;
    }

    public void rebase(String basePath) {
        this.basePath = basePath;
    }

    /** Any argument left {@code null} keeps its current value. */
    public void changeS3(String endpoint, String region, String bucket, String accessKey, String secretCiphertext) {
        this.endpoint = endpoint != null ? endpoint : this.endpoint;
        this.region = region != null ? region : this.region;
        this.bucket = bucket != null ? bucket : this.bucket;
        this.accessKey = accessKey != null ? accessKey : this.accessKey;
        this.secretCiphertext = secretCiphertext != null ? secretCiphertext : this.secretCiphertext;
    }

    public String getName() { return name; }

    public StorageProvider getProvider() { return provider; }

    public boolean isDefaultConnection() { return defaultConnection; }

    public String getDirectory() { return directory; }

    public String getEndpoint() { return endpoint; }

    public String getRegion() { return region; }

    public String getBucket() { return bucket; }

    public String getAccessKey() { return accessKey; }

    public String getSecretCiphertext() { return secretCiphertext; }

    public String getBasePath() { return basePath; }
}
