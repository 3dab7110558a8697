package app.arv.storage;

import app.arv.outbound.AnswerLimit;
import app.arv.outbound.OutboundGuard;
import app.arv.shared.Causes;
import app.arv.shared.DomainException;
import io.minio.BucketExistsArgs;
import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.minio.http.Method;
import io.minio.messages.Item;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Objects in an S3-compatible bucket through the MinIO client. Streams of unknown length go up as
 * multipart uploads, so at most one part ({@link #PART_SIZE}) is buffered per upload.
 * <p>
 * The endpoint is a tenant's URL: every connection goes through the {@link OutboundGuard}'s resolver,
 * redirects are not followed, every call has connect/idle timeouts and an overall deadline (a streamed read's grows
 * with its length: {@link ReadDeadline}), every answer the client reads into memory is at most
 * {@link #MAX_ANSWER_BYTES} long, and failures never carry what the remote answered beyond its status code.
 */
public final class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = Logger.getLogger(S3ObjectStore.class.getName());

    /** S3's minimum part size; a larger one buys fewer requests with more heap per concurrent upload. */
    static final long PART_SIZE = 5L * 1024 * 1024;
    /**
     * The longest answer the client may read into memory (an error, a listing page, a multipart upload's answer): a
     * page of 1000 keys, each of S3's longest (1024 bytes, sent URL-encoded: up to three times that), is under 4 MiB.
     * An object read streams to its reader instead, who bounds it.
     */
    static final long MAX_ANSWER_BYTES = 8L * 1024 * 1024;
    private static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    /**
     * S3's answers that say the connection's settings are wrong: no retry heals them, an admin must correct the connection
     * (credentials, bucket, region). Any other 403 or 301 says the same ({@link #misconfigured}).
     */
    private static final Set<String> MISCONFIGURED = Set.of("AccessDenied", "AllAccessDisabled", "InvalidAccessKeyId",
            "SignatureDoesNotMatch", "NoSuchBucket", "InvalidBucketName", "PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException", "InvalidRegion", "AccountProblem");

    /**
     * How long one {@link #usage} may list. The client follows "truncated, more to come" for as long as the store
     * says it, and a tenant's own endpoint can say it forever (each page within the call timeout): without a bound
     * the request thread would list until the server stops.
     *
     * @param maxPages pages of up to 1000 keys each
     * @param deadline no page is asked for after it (so a listing ends within it plus one call timeout)
     */
    record ListingBounds(int maxPages, Duration deadline) {
        static final ListingBounds DEFAULT = new ListingBounds(1000, Duration.ofSeconds(60));
    }

    private final MinioClient client;
    /** The same store without the call's deadline: a streamed download has its own ({@link #reads}). */
    private final MinioClient streaming;
    private final ReadDeadline reads;
    /** Builds a client of this store on another HTTP client (a listing's, which counts its pages). */
    private final Function<OkHttpClient, MinioClient> clients;
    private final OkHttpClient http;
    private final ListingBounds listing;
    private final String bucket;

    /** A setting the S3 client refuses: the field ({@code endpoint}, {@code region} or {@code bucket}) and the client's reason. */
    public record Refusal(String field, String reason) {
    }

    /**
     * @param http the HTTP client every request goes through (its resolver guards the addresses; its timeouts bound the calls)
     * @throws IllegalArgumentException for settings the S3 client refuses ({@link #refusal})
     */
    public S3ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey, OkHttpClient http,
            ReadDeadline reads) {
        this(endpoint, region, bucket, accessKey, secretKey, http, reads, ListingBounds.DEFAULT);
    }

    /** Streamed reads get the client's call timeout and the default minimum rate. */
    S3ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey, OkHttpClient http) {
        this(endpoint, region, bucket, accessKey, secretKey, http, ListingBounds.DEFAULT);
    }

    S3ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey, OkHttpClient http,
            ListingBounds listing) {
        this(endpoint, region, bucket, accessKey, secretKey, http, new ReadDeadline(Duration.ofMillis(http.callTimeoutMillis()),
                ReadDeadline.DEFAULT_MIN_BYTES_PER_SECOND), listing);
    }

    private S3ObjectStore(String endpoint, String region, String bucket, String accessKey, String secretKey, OkHttpClient http,
            ReadDeadline reads, ListingBounds listing) {
        refusal(endpoint, region, bucket).ifPresent(r -> {
            throw new IllegalArgumentException("The S3 client refuses the " + r.field() + ": " + r.reason());
        });
        this.clients = h -> client(endpoint, region, accessKey, secretKey, h);
        this.http = http.newBuilder().addInterceptor(AnswerLimit.every(MAX_ANSWER_BYTES)).build();
        this.client = clients.apply(this.http);
        this.streaming = clients.apply(http.newBuilder().callTimeout(Duration.ZERO)
                .addInterceptor(AnswerLimit.failures(MAX_ANSWER_BYTES)).build());
        this.reads = reads;
        this.listing = listing;
        this.bucket = bucket;
    }

    /**
     * What the S3 client would refuse in these settings ({@code null}: not checked), if anything. It checks them only
     * when a client or a request is built, so a connection must be checked when it is saved: otherwise every later use
     * of it would fail.
     */
    public static Optional<Refusal> refusal(String endpoint, String region, String bucket) {
        try {
            if (endpoint != null) {
                MinioClient.builder().endpoint(endpoint); // a path ("https://s3.example.com/media"), a host it cannot read
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal("endpoint", e.getMessage()));
        }
        try {
            MinioClient.builder().region(regionOrDefault(region));
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal("region", e.getMessage()));
        }
        try {
            if (bucket != null) {
                BucketExistsArgs.builder().bucket(bucket); // "..", ".-", "-.", or shaped like an IP address
            }
        } catch (IllegalArgumentException e) {
            return Optional.of(new Refusal("bucket", e.getMessage()));
        }
        return Optional.empty();
    }

    private static MinioClient client(String endpoint, String region, String accessKey, String secretKey, OkHttpClient http) {
        return MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey)
                // A known region spares the client a GetBucketLocation round trip (which some stores refuse).
                .region(regionOrDefault(region))
                .httpClient(http).build();
    }

    private static String regionOrDefault(String region) {
        return region == null || region.isBlank() ? "us-east-1" : region;
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
    public void copy(String from, String to) {
        try {
            client.copyObject(CopyObjectArgs.builder().bucket(bucket).object(StorageKeys.requireValid(to))
                    .source(CopySource.builder().bucket(bucket).object(StorageKeys.requireValid(from)).build()).build());
        } catch (Exception e) {
            throw failure("copy", from, e);
        }
    }

    @Override
    public InputStream open(String key, ByteRange range) {
        try {
            GetObjectArgs.Builder args = GetObjectArgs.builder().bucket(bucket).object(StorageKeys.requireValid(key));
            if (range != null) {
                args.offset(range.first()).length(range.length());
            }
            GetObjectResponse object = streaming.getObject(args.build());
            return reads.bound(object, contentLength(object));
        } catch (Exception e) {
            throw failure("read", key, e);
        }
    }

    /** What the store says it sends, or -1. */
    private static long contentLength(GetObjectResponse object) {
        try {
            return Long.parseLong(object.headers().get("Content-Length"));
        } catch (NumberFormatException e) {
            return -1;
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

    /** @throws StorageFailure also when the listing goes past its {@link ListingBounds} */
    @Override
    public StorageUsage usage(String prefix) {
        // A client of its own for this listing (sharing the connection pool), whose every request is one page.
        MinioClient pages = clients.apply(http.newBuilder().addInterceptor(new ListingBudget(listing)).build());
        long objects = 0;
        long bytes = 0;
        try {
            for (Result<Item> result : pages.listObjects(ListObjectsArgs.builder().bucket(bucket)
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

    /** Refuses to ask for another page past the listing's bounds: the client's iterator then ends with this failure. */
    private static final class ListingBudget implements Interceptor {

        private final ListingBounds bounds;
        private final long deadline;
        /** Pages are asked for one after the other, possibly from different threads of the client's dispatcher. */
        private final AtomicInteger pages = new AtomicInteger();

        ListingBudget(ListingBounds bounds) {
            this.bounds = bounds;
            this.deadline = System.nanoTime() + bounds.deadline().toNanos();
        }

        @Override
        public Response intercept(Chain chain) throws IOException {
            if (pages.incrementAndGet() > bounds.maxPages()) {
                throw new ListingTooLong("the listing did not end within " + bounds.maxPages() + " pages");
            }
            if (System.nanoTime() - deadline > 0) {
                throw new ListingTooLong("the listing did not end within " + bounds.deadline().toSeconds() + " s");
            }
            return chain.proceed(chain.request());
        }
    }

    /** A listing went past its bounds; an {@link IOException}, as the client expects of its HTTP client. */
    private static final class ListingTooLong extends IOException {
        ListingTooLong(String message) {
            super(message);
        }
    }

    private StorageFailure failure(String action, String key, Exception e) {
        if (e instanceof StorageFailure failure) {
            return failure;
        }
        if (e instanceof IllegalArgumentException invalid) {
            throw invalid;
        }
        Causes.find(e, OutboundGuard.RefusedAddress.class).ifPresent(refused -> {
            throw DomainException.endpointNotAllowed("The storage endpoint is not allowed: " + refused.getMessage());
        });
        // The remote's answer stays in the log: an endpoint that is not really S3 (an internal web
        // server) would otherwise show its pages to whoever configured it.
        LOG.log(Level.FINE, "S3 " + action + " of " + key + " in bucket " + bucket + " failed", e);
        Optional<String> misconfigured = misconfigured(e);
        if (misconfigured.isPresent()) {
            // The operator's clue: what the store said, and its request id to look up on its side.
            LOG.warning(() -> "S3 " + action + " in bucket " + bucket + " was refused as misconfigured: "
                    + misconfigured.get() + ", request id " + ((ErrorResponseException) e).errorResponse().requestId());
            return new StorageMisconfigured("S3 " + action + " refused (" + misconfigured.get()
                    + "); the storage connection's credentials, bucket or region are wrong", e);
        }
        return new StorageFailure("S3 " + action + " failed (" + reason(e) + ")", e);
    }

    /**
     * The status and S3 code of an answer that says the settings are wrong (e.g. "HTTP 403 InvalidAccessKeyId"); a code
     * only when it is one of S3's own known ones ({@link #MISCONFIGURED}), never other text of the remote's.
     */
    private static Optional<String> misconfigured(Exception e) {
        if (!(e instanceof ErrorResponseException s3)) {
            return Optional.empty();
        }
        int status = s3.response().code();
        String code = s3.errorResponse() == null ? null : s3.errorResponse().code();
        if (code != null && MISCONFIGURED.contains(code)) {
            return Optional.of("HTTP " + status + " " + code);
        }
        return status == 403 || status == 301 ? Optional.of("HTTP " + status) : Optional.empty();
    }

    /** Only what ARV itself can say about the failure: a status code, a timeout, a refused connection. */
    private static String reason(Exception e) {
        if (e instanceof ErrorResponseException s3) {
            return "HTTP " + s3.response().code();
        }
        if (e instanceof ServerException server) {
            return "HTTP " + server.statusCode();
        }
        if (e instanceof InvalidResponseException) {
            return "the endpoint did not answer like an S3 store";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ListingTooLong || c instanceof AnswerLimit.TooLong) {
                return c.getMessage();
            }
            if (c instanceof InterruptedIOException) {
                return "timed out";
            }
            if (c instanceof ConnectException) {
                return "connection refused";
            }
            if (c instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return "the endpoint could not be reached";
    }
}
