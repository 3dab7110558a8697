package app.arv.generation.fal;

import app.arv.media.Spool;
import app.arv.media.SpooledFile;
import app.arv.shared.DomainException;
import app.arv.shared.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * FAL.AI over HTTP, with the JDK's {@link HttpURLConnection} (what the server's REST client used underneath;
 * used directly, the FAL code also runs in the service tests). Calls are retried on 429/5xx and on transport
 * errors (a few times, with a pause and jitter), never on other 4xx; a circuit breaker stops calling a FAL
 * that keeps failing. A submission is retried only when FAL surely did not get it: once it may have been
 * accepted it is paid for, and an answer lost on the way is {@link FalAnswerLostException}. The key goes only
 * to FAL's own host, never to the CDN the result files come from.
 */
@ApplicationScoped
public class FalClient {

    /**
     * How long an open breaker refuses calls, in milliseconds on purpose: Payara 6 (2025.10) schedules
     * the half-open trial after the bare {@code delay} number as milliseconds, ignoring {@code delayUnit}
     * (30 with SECONDS reopened the door after 30 ms; seen in FalGenerationIT).
     */
    static final long OPEN_MILLIS = 30_000;

    /** Tripo v2.5 image-to-3D on FAL's queue, below {@code arv.fal.base-url}. */
    static final String MODEL = "tripo3d/tripo/v2.5/image-to-3d";

    @Inject
    FalRules rules;

    @Inject
    Spool spool;

    public boolean configured() {
        return rules.configured();
    }

    /**
     * Asks FAL for a generation. Retried when FAL could not be reached or answered 429/5xx; not when the
     * request went out and its answer was lost (read timeout, dropped connection): FAL may have accepted and
     * be charging for it.
     *
     * @return FAL's answer: request_id, status_url, response_url, cancel_url
     * @throws FalAnswerLostException the request was sent and no answer came back
     */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = FalUnavailableException.class, abortOn = {FalRejectedException.class, FalAnswerLostException.class})
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = OPEN_MILLIS, delayUnit = ChronoUnit.MILLIS,
            failOn = {FalUnavailableException.class, FalAnswerLostException.class}, skipOn = FalRejectedException.class)
    public JsonObject submit(JsonObject input) {
        String base = rules.baseUrl().endsWith("/") ? rules.baseUrl() : rules.baseUrl() + "/";
        byte[] body = input.toString().getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = connect(uri(base + MODEL), "POST", body.length, true);
        // Connected: from here on FAL may get the request, and a failure is not the sign that it did not.
        try {
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            return json(checked(connection, "submit"));
        } catch (IOException e) {
            throw new FalAnswerLostException("FAL.AI did not answer the submission (" + describe(e) + ")", e);
        }
    }

    /** GET of a URL FAL handed out (status with logs, or the result). */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = FalUnavailableException.class, abortOn = FalRejectedException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.75, delay = OPEN_MILLIS, delayUnit = ChronoUnit.MILLIS,
            failOn = FalUnavailableException.class, skipOn = FalRejectedException.class)
    public JsonObject get(String url, boolean logs) {
        URI uri = uri(logs ? url + (url.contains("?") ? "&" : "?") + "logs=1" : url);
        HttpURLConnection connection = connect(uri, "GET", -1, true);
        try {
            return json(checked(connection, "GET " + uri.getPath()));
        } catch (IOException e) {
            throw new FalUnavailableException("FAL.AI GET " + uri.getPath() + " failed (" + describe(e) + ")");
        }
    }

    /**
     * Downloads a result file into the spool: FAL's file URLs expire, so the bytes come into ARV's storage. The size
     * cap holds while the bytes arrive (a file announcing more is refused before any is read), and the file never
     * passes through the heap whole; the caller closes it.
     *
     * @param name what the file is, for messages
     */
    @Retry(maxRetries = 3, delay = 500, jitter = 250, delayUnit = ChronoUnit.MILLIS,
            retryOn = FalUnavailableException.class, abortOn = FalRejectedException.class)
    public SpooledFile download(String url, String name) {
        URI uri = uri(url);
        HttpURLConnection connection = connect(uri, "GET", -1, false);
        long max = rules.maxDownloadBytes();
        AtomicBoolean brokeOff = new AtomicBoolean();
        try (InputStream in = checked(connection, "download").getInputStream()) {
            if (connection.getContentLengthLong() > max) {
                throw new FalRejectedException("result file larger than " + max + " bytes");
            }
            return spool.take(name, in, max, () -> {
                brokeOff.set(true);
                return DomainException.uploadInterrupted(name);
            });
        } catch (DomainException e) {
            if (brokeOff.get()) {
                throw new FalUnavailableException("FAL.AI download broke off");
            }
            if ("file_too_large".equals(e.code())) {
                throw new FalRejectedException("result file larger than " + max + " bytes");
            }
            // ARV's own disk refused it: not FAL's doing, and worth another attempt of the item later.
            throw e;
        } catch (IOException e) {
            throw new FalUnavailableException("FAL.AI download failed (" + describe(e) + ")");
        }
    }

    /** Best effort: FAL stops a request we no longer wait for. */
    public void cancel(String cancelUrl) {
        try {
            HttpURLConnection connection = connect(uri(cancelUrl), "PUT", 0, false);
            connection.getOutputStream().close();
            connection.getResponseCode();
            connection.disconnect();
        } catch (IOException | RuntimeException e) {
            // Nothing to do: a failed cancel only costs what the request costs anyway.
        }
    }

    /**
     * Opens the connection and nothing more: a failure here (refused, unknown host, no route, connect
     * timeout, TLS handshake) means no request left, so it is {@link FalUnavailableException}, worth another try.
     *
     * @param bodyLength the request body's length, or -1 for none
     */
    private HttpURLConnection connect(URI uri, String method, int bodyLength, boolean json) {
        URL url;
        try {
            url = uri.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new FalRejectedException("FAL.AI handed out a URL ARV cannot call: " + uri);
        }
        try {
            HttpURLConnection connection = (HttpURLConnection) url.openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(millis(rules.connectTimeout()));
            connection.setReadTimeout(millis(rules.readTimeout()));
            connection.setUseCaches(false);
            if (json) {
                connection.setRequestProperty("Accept", "application/json");
            }
            if (bodyLength >= 0) {
                connection.setDoOutput(true);
                // Streamed, the JDK never sends it a second time itself (it repeats a buffered POST whose
                // connection broke), and checks that a kept-alive connection is still open before using it.
                connection.setFixedLengthStreamingMode(bodyLength);
                connection.setRequestProperty("Content-Type", "application/json");
            }
            if (ours(uri) && configured()) {
                connection.setRequestProperty("Authorization", "Key " + rules.key().get().strip());
            }
            connection.connect();
            return connection;
        } catch (IOException e) {
            throw new FalUnavailableException("FAL.AI could not be reached at " + uri.getHost() + " (" + describe(e) + ")");
        }
    }

    private boolean ours(URI uri) {
        URI fal = URI.create(rules.baseUrl());
        return fal.getHost() != null && fal.getHost().equalsIgnoreCase(uri.getHost()) && fal.getPort() == uri.getPort();
    }

    private static URI uri(String url) {
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new FalRejectedException("FAL.AI handed out a URL ARV cannot call: " + url);
        }
    }

    private static HttpURLConnection checked(HttpURLConnection connection, String what) throws IOException {
        int status = connection.getResponseCode();
        if (status == 429 || status >= 500) {
            connection.disconnect();
            throw new FalUnavailableException("FAL.AI " + what + " answered " + status);
        }
        if (status >= 400) {
            throw new FalRejectedException("FAL.AI " + what + " answered " + status + detail(connection));
        }
        return connection;
    }

    private static String detail(HttpURLConnection connection) {
        try (InputStream in = connection.getErrorStream()) {
            String body = in == null ? "" : new String(in.readNBytes(300), StandardCharsets.UTF_8);
            return body.isBlank() ? "" : ": " + body;
        } catch (IOException e) {
            return "";
        }
    }

    private static JsonObject json(HttpURLConnection connection) throws IOException {
        String body;
        try (InputStream in = connection.getInputStream()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Jsonp.readObject(body);
        } catch (RuntimeException e) {
            throw new FalRejectedException("FAL.AI answered something that is not a JSON object");
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.min(Integer.MAX_VALUE, duration.toMillis());
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + message;
    }
}
