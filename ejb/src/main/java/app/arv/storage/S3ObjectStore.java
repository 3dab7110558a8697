package app.arv.storage;

import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.Item;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Objects in an S3-compatible bucket through the MinIO client. Streams of unknown length go up as
 * multipart uploads, so at most one part ({@link #PART_SIZE}) is buffered per upload.
 */
public final class S3ObjectStore implements ObjectStore {

    /** S3's minimum part size; a larger one buys fewer requests with more heap per concurrent upload. */
    static final long PART_SIZE = 5L * 1024 * 1024;
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");

    private final MinioClient client;
    private final String bucket;

    public S3ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey) {
        MinioClient.Builder builder = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey);
        // A known region spares the client a GetBucketLocation round trip (which some stores refuse).
        builder.region(region == null || region.isBlank() ? "us-east-1" : region);
        this.client = builder.build();
        // An unreachable store must fail a request quickly, not hang it: deletions retry later anyway.
        this.client.setTimeout(5_000, 60_000, 60_000);
        this.bucket = bucket;
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(StorageKeys.requireValid(key))
                    .stream(content, size, size >= 0 && size <= PART_SIZE ? -1 : PART_SIZE)
                    .contentType(contentType == null ? "application/octet-stream" : contentType).build());
        } catch (Exception e) {
            throw failure("write", key, e);
        }
    }

    @Override
    public InputStream open(String key, ByteRange range) {
        try {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(StorageKeys.requireValid(key));
            if (range != null) {
                args.offset(range.first()).length(range.length());
            }
            return client.getObject(args.build());
        } catch (Exception e) {
            throw failure("read", key, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) {
        try {
            StatObjectResponse stat = client.statObject(StatObjectArgs.builder().bucket(bucket)
                    .object(StorageKeys.requireValid(key)).build());
            return Optional.of(new ObjectInfo(key, stat.size(), stat.lastModified().toInstant()));
        } catch (ErrorResponseException e) {
            if (MISSING.contains(e.errorResponse().code())) {
                return Optional.empty();
            }
            throw failure("stat", key, e);
        } catch (Exception e) {
            throw failure("stat", key, e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(StorageKeys.requireValid(key)).build());
        } catch (Exception e) {
            throw failure("delete", key, e);
        }
    }

    @Override
    public StorageUsage usage(String prefix) {
        long objects = 0;
        long bytes = 0;
        try {
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder().bucket(bucket)
                    .prefix(prefix == null ? "" : prefix).recursive(true).build())) {
                Item item = result.get();
                if (!item.isDir()) {
                    objects++;
                    bytes += item.size();
                }
            }
        } catch (Exception e) {
            throw failure("list", prefix, e);
        }
        return new StorageUsage(objects, bytes);
    }

    @Override
    public boolean presigns() {
        return true;
    }

    @Override
    public URI presignedGet(String key, Duration ttl) {
        return presigned(Method.GET, key, ttl);
    }

    @Override
    public URI presignedPut(String key, Duration ttl) {
        return presigned(Method.PUT, key, ttl);
    }

    private URI presigned(Method method, String key, Duration ttl) {
        try {
            return URI.create(client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(method)
                    .bucket(bucket).object(StorageKeys.requireValid(key)).expiry((int) ttl.toSeconds()).build()));
        } catch (Exception e) {
            throw failure("presign", key, e);
        }
    }

    private StorageFailure failure(String action, String key, Exception e) {
        if (e instanceof StorageFailure failure) {
            return failure;
        }
        if (e instanceof IllegalArgumentException invalid) {
            throw invalid;
        }
        String reason = e instanceof ErrorResponseException s3 ? s3.errorResponse().code() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new StorageFailure("S3 " + action + " of " + key + " in bucket " + bucket + " failed (" + reason + ")", e);
    }
}
