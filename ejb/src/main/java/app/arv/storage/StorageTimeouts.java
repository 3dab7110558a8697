package app.arv.storage;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.Dns;
import okhttp3.OkHttpClient;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.Proxy;
import java.time.Duration;

/**
 * How long ARV waits for an S3 store. A store that accepts connections and never answers (a tarpit,
 * or an overloaded one) must fail the request within seconds instead of holding a request thread
 * (and whatever it holds) for minutes.
 */
@ApplicationScoped
public class StorageTimeouts {

    /** Opening a connection. */
    @Inject
    @ConfigProperty(name = "arv.storage.connect-timeout", defaultValue = "PT2S")
    Duration connect;

    /** Silence while reading or writing: no byte moved for this long fails the call. */
    @Inject
    @ConfigProperty(name = "arv.storage.read-timeout", defaultValue = "PT4S")
    Duration read;

    /**
     * One whole S3 request (a part of a multipart upload is one request); a streamed download has this plus its length
     * at {@link #minReadRate}.
     */
    @Inject
    @ConfigProperty(name = "arv.storage.call-timeout", defaultValue = "PT30S")
    Duration call;

    /** Bytes a second: the slowest a streamed download may be beyond the call timeout ({@link ReadDeadline}). */
    @Inject
    @ConfigProperty(name = "arv.storage.min-read-rate", defaultValue = "65536")
    long minReadRate;

    private OkHttpClient base;

    public StorageTimeouts() {
    }

    public StorageTimeouts(Duration connect, Duration read, Duration call) {
        this(connect, read, call, ReadDeadline.DEFAULT_MIN_BYTES_PER_SECOND);
    }

    public StorageTimeouts(Duration connect, Duration read, Duration call, long minReadRate) {
        this.connect = connect;
        this.read = read;
        this.call = call;
        this.minReadRate = minReadRate;
        init();
    }

    @PostConstruct
    void init() {
        readDeadline(); // refuses a rate of zero or less at start
        // One connection pool and dispatcher for every store; each store adds its own resolver.
        base = new OkHttpClient.Builder()
                // The JVM's proxy (-Dhttps.proxyHost) would be the only address the guard's resolver checks: the proxy
                // would then connect to whatever host the tenant's endpoint names, internal or not.
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(connect).readTimeout(read).writeTimeout(read).callTimeout(call)
                // A redirect would lead the client to a host nobody checked; S3 needs none.
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** The overall deadline of a streamed download. */
    public ReadDeadline readDeadline() {
        return new ReadDeadline(call, minReadRate);
    }

    /** An HTTP client with these timeouts whose every connection resolves its host through {@code dns}. */
    public OkHttpClient httpClient(Dns dns) {
        return base.newBuilder().dns(dns).build();
    }
}
