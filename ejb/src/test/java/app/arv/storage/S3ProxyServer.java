package app.arv.storage;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real S3-compatible server in the test JVM: S3Proxy on the filesystem, on a free port of 127.0.0.1.
 * Shared with the web module's integration tests through this module's test jar.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "arv-test-access";
    public static final String SECRET_KEY = "arv-test-secret-key";

    private final S3Proxy proxy;
    private final BlobStoreContext context;

    public S3ProxyServer(Path directory) throws Exception {
        this(directory, 0);
    }

    /** @param port the port to listen on (0: a free one), e.g. the port of a store that stopped and comes back */
    public S3ProxyServer(Path directory, int port) throws Exception {
        Files.createDirectories(directory);
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        context = ContextBuilder.newBuilder("filesystem").credentials("identity", "credential")
                .overrides(properties).buildView(BlobStoreContext.class);
        proxy = S3Proxy.builder().blobStore(context.getBlobStore()).endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY).build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(20);
        }
    }

    public int port() {
        return proxy.getPort();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + proxy.getPort();
    }

    public void createBucket(String name) {
        context.getBlobStore().createContainerInLocation(null, name);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("S3Proxy did not stop", e);
        } finally {
            context.close();
        }
    }
}
