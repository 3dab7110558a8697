package app.arv.webhook;

import app.arv.outbound.OutboundPolicy;
import app.arv.shared.DomainException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Posts one signed delivery. The URL passes the webhook rules again (the allow-list may have changed) and every
 * connection resolves its host through the outbound guard, so a name that pointed to a public address when the
 * webhook was saved and to an internal one now (DNS rebinding) is refused at connect time. No redirect is followed
 * (it would lead to a host nobody checked); short timeouts keep a slow receiver from holding a sender.
 *
 * <p>One deadline bounds an attempt, {@link WebhookSettings#longestAttempt} from its start: the name lookups of the
 * check and of the connection too, which no HTTP timeout covers (a lookup cannot be interrupted, so each runs on the
 * container's managed executor and the sender stops waiting for it at the deadline; the attempt is recorded as failed).
 * No proxy is used, whatever the JVM's proxy settings ({@code http(s).proxyHost}, a default {@code ProxySelector}):
 * through a proxy ARV would connect to the proxy, and the receiver's name would be resolved and connected to by the
 * proxy — the address check would judge an address nobody connects to.
 */
@ApplicationScoped
public class WebhookSender {

    public static final String EVENT_ID = "ARV-Event-Id";
    public static final String EVENT_TYPE = "ARV-Event-Type";
    public static final String USER_AGENT = "ARV-Webhooks/1";
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int EXCERPT_BYTES = 500;
    /** OkHttp's timeouts count whole milliseconds, and zero means none. */
    private static final Duration MIN_CALL = Duration.ofMillis(1);

    @Inject
    WebhookSettings settings;

    @Inject
    OutboundPolicy outbound;

    /** Where name lookups run, so the sender can stop waiting for one at the attempt's deadline. */
    @Resource
    ManagedExecutorService lookups;

    private OkHttpClient client;

    @PostConstruct
    void init() {
        client = new OkHttpClient.Builder()
                .proxy(Proxy.NO_PROXY)
                .connectTimeout(settings.connectTimeout()).readTimeout(settings.readTimeout()).writeTimeout(settings.readTimeout())
                .callTimeout(settings.longestAttempt())
                .followRedirects(false).followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build();
    }

    /** @param secrets the secrets to sign with, current first (two during a rotation's grace period) */
    public AttemptResult send(String url, String eventId, String eventType, String body, List<String> secrets) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        long deadline = started + settings.longestAttempt().toNanos();
        try {
            withinDeadline(deadline, url, () -> new WebhookUrls(outbound.webhookGuard()).check(url));
        } catch (DomainException refused) {
            return new AttemptResult(at, Duration.ZERO, null, null, "Not sent: " + refused.getMessage());
        } catch (UnknownHostException unresolved) {
            return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), null, null, "Not sent: " + unresolved.getMessage());
        } catch (RuntimeException e) {
            // The lookup could not even be started (the executor shut down): a failed attempt, recorded and retried.
            return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), null, null, "Not sent: " + failure(e));
        }
        Dns guarded = outbound.webhookGuard().dns();
        // What the check left of the attempt's time: the call must end by the deadline too, so the attempt ends in its lease.
        Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), MIN_CALL.toNanos()));
        OkHttpClient bounded = client.newBuilder().callTimeout(left)
                .dns(host -> withinDeadline(deadline, host, () -> guarded.lookup(host))).build();
        try {
            Request request = new Request.Builder().url(url)
                    .header(WebhookSignature.HEADER, WebhookSignature.header(at.getEpochSecond(), body, secrets))
                    .header(EVENT_ID, eventId)
                    .header(EVENT_TYPE, eventType)
                    .header("User-Agent", USER_AGENT)
                    .post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), JSON))
                    .build();
            try (Response response = bounded.newCall(request).execute()) {
                return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), response.code(), excerpt(response.body()),
                        response.isSuccessful() ? null : "HTTP " + response.code());
            }
        } catch (IOException | RuntimeException e) {
            // A runtime failure too (a URL or header OkHttp refuses) is a failed attempt, recorded and retried on the
            // schedule: thrown, it would leave the delivery claimed and unrecorded, to be claimed again for ever.
            return new AttemptResult(at, Duration.ofNanos(System.nanoTime() - started), null, null, failure(e));
        }
    }

    /**
     * The lookup's answer if it comes before the deadline (nanoTime).
     *
     * @throws UnknownHostException when it does not (naming {@code what}: the host or the URL), or when it failed so
     */
    private <T> T withinDeadline(long deadline, String what, Callable<T> lookup) throws UnknownHostException {
        FutureTask<T> task = new FutureTask<>(lookup);
        lookups.execute(task);
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // The lookup's thread stays blocked until the resolver gives up; the sender goes on.
            task.cancel(true);
            throw new UnknownHostException("'" + hostOf(what) + "' did not resolve within " + settings.longestAttempt()
                    + " (the attempt's time)");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new UnknownHostException("interrupted while '" + hostOf(what) + "' was being resolved");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownHostException unknown) {
                throw unknown;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String failure(Exception e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The host of a URL, or the text itself (a host already). */
    private static String hostOf(String urlOrHost) {
        HttpUrl url = HttpUrl.parse(urlOrHost);
        return url == null ? urlOrHost : url.host();
    }

    private static String excerpt(ResponseBody body) throws IOException {
        if (body == null) {
            return null;
        }
        try (InputStream in = body.byteStream()) {
            String text = new String(in.readNBytes(EXCERPT_BYTES), StandardCharsets.UTF_8);
            return text.isEmpty() ? null : text;
        }
    }
}
