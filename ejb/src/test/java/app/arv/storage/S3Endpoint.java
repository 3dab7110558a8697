package app.arv.storage;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An {@link S3ProxyServer} with one bucket for a whole test class, started before its {@code @BeforeAll} methods and
 * stopped, its files deleted, after the class: {@code @RegisterExtension static final S3Endpoint s3 =
 * S3Endpoint.withBucket("arv-media");}.
 */
public final class S3Endpoint implements BeforeAllCallback, AfterAllCallback {

    private final String bucket;
    private Path directory;
    private S3ProxyServer server;

    private S3Endpoint(String bucket) {
        this.bucket = bucket;
    }

    public static S3Endpoint withBucket(String bucket) {
        return new S3Endpoint(bucket);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("arv-s3");
        server = new S3ProxyServer(directory);
        server.createBucket(bucket);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            server.close();
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(S3Endpoint::delete);
            }
        }
    }

    /** The server's address, {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return server.endpoint();
    }

    /** The bucket made at the start. */
    public String bucket() {
        return bucket;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
