package app.arv.web.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for integration tests: a real HTTP server on 127.0.0.1 (an allowed outbound host of the suite's
 * ARV) that records every request and answers as told — {@code failFirst(2)} answers 500 twice, then 200;
 * {@link #alwaysFail()} never accepts. {@link #awaitRequests} waits for deliveries; {@link #signatureValid} checks
 * an {@code ARV-Signature} the way a receiver should. Close it at the end of the test.
 */
public final class WebhookReceiver implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One request as it arrived: headers by lower-case name, the body as text. */
    public record Received(Map<String, String> headers, String body, Instant at) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private volatile boolean alwaysFail;
    private volatile Duration stall = Duration.ZERO;
    private volatile CountDownLatch hold;

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // Each request on a thread of its own: a stalled answer must not delay when the next request is seen.
        server.setExecutor(handlers);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("The webhook receiver could not listen", e);
        }
    }

    /** Where ARV should post: {@code http://127.0.0.1:<port>/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next {@code count} requests are answered 500, the ones after 200. */
    public WebhookReceiver failFirst(int count) {
        failuresLeft.set(count);
        return this;
    }

    /** Every request is answered 500. */
    public WebhookReceiver alwaysFail() {
        alwaysFail = true;
        return this;
    }

    /** Every request is recorded on arrival and answered only after {@code delay} (past ARV's read timeout: a slow receiver). */
    public WebhookReceiver stall(Duration delay) {
        stall = delay;
        return this;
    }

    /**
     * From now on every request is recorded on arrival and answered only once {@code release} is counted down (at
     * most {@link #WAIT} later): a receiver the test holds while it looks at something else.
     */
    public WebhookReceiver holdUntil(CountDownLatch release) {
        hold = release;
        return this;
    }

    /** Every request so far. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The first {@code count} requests, once that many have arrived (fails after 30 s). */
    public synchronized List<Received> awaitRequests(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (received.size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("Expected " + count + " webhook requests, got " + received.size() + ": " + received);
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return List.copyOf(received.subList(0, count));
    }

    /**
     * Whether the request's {@code ARV-Signature} carries a {@code v1} that is the hex HMAC-SHA256, keyed with the
     * secret, of {@code "<t>.<body>"} — what the README tells receivers to check.
     */
    public static boolean signatureValid(Received request, String secret) {
        String header = request.header("ARV-Signature");
        if (header == null) {
            return false;
        }
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1];
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (timestamp == null) {
            return false;
        }
        String expected = hmac(secret, timestamp + "." + request.body());
        return signatures.contains(expected);
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        boolean fail = alwaysFail || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        synchronized (this) {
            received.add(new Received(headers, body, Instant.now()));
            notifyAll();
        }
        CountDownLatch held = hold;
        if (!stall.isZero() || held != null) {
            try {
                if (held != null) {
                    held.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } else {
                    Thread.sleep(stall.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        byte[] answer = (fail ? "receiver says no" : "ok").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(fail ? 500 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
