package app.arv.storage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An S3 endpoint on 127.0.0.1 that takes writes and deletions as a store does and misbehaves in one way when read
 * (an object, or a listing), or answers every request with an error that never ends: what an organization admin's own
 * endpoint can answer. Asked about any object, it says it
 * holds the {@value #PROMISED_BYTES} bytes a read promises. Credentials are not checked.
 */
public final class MisbehavingS3 implements AutoCloseable {

    /** What it says every object holds, and what a read promises. */
    public static final int PROMISED_BYTES = 1000;

    /** How it answers a read of an object. */
    public enum Misbehaviour {
        /** An object read promises 1000 bytes, sends 10 and drops the connection. */
        CUT_SHORT,
        /** An object read sends bytes without end (until the reader hangs up or the server stops). */
        ENDLESS_BODY,
        /** An object read promises 1000 bytes and sends one every 100 ms, never silent for long. */
        TRICKLE,
        /** A listing is always truncated: one object per page, and another page to come. */
        ENDLESS_LISTING,
        /** A listing is one page whose objects never end. */
        ENDLESS_LISTING_PAGE,
        /** Every request but a HEAD is answered 500 with an error document that never ends. */
        ENDLESS_ERROR,
        /**
         * Keeps what is written and sends it back, but answers a write of anything but an image only after
         * {@link #SLOW_WRITE} (under the read timeout of seconds): an endpoint slow to take a compiled marker.
         */
        SLOW_WRITES,
        /**
         * Keeps what is written and sends it back, but answers a write of anything but an image 503 (S3's
         * {@code ServiceUnavailable}): an endpoint that takes portraits and then refuses a compiled marker.
         */
        REFUSED_WRITES,
        /**
         * Keeps what is written and sends it back, but answers a read of an object 503 (S3's {@code ServiceUnavailable}):
         * an endpoint that took portraits and is away when they are read. {@link #comeBack()} ends it.
         */
        REFUSED_READS,
        /**
         * Keeps what is written and sends it back, but answers a write of anything but an image 403 (S3's
         * {@code AccessDenied}): an endpoint whose settings allow the portraits' writes and not a compiled marker's.
         */
        DENIED_WRITES
    }

    /** How long a {@link Misbehaviour#SLOW_WRITES} store takes to answer a write of anything but an image. */
    public static final Duration SLOW_WRITE = Duration.ofMillis(3500);

    private final Misbehaviour misbehaviour;
    private final Duration delay;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger pagesListed = new AtomicInteger();
    private final AtomicInteger deletions = new AtomicInteger();
    private final AtomicInteger objectReads = new AtomicInteger();
    private final AtomicInteger slowWrites = new AtomicInteger();
    private final Map<String, byte[]> kept = new ConcurrentHashMap<>();
    private final AtomicLong endlessBytesSent = new AtomicLong();
    private volatile boolean stopping;
    private volatile boolean back;

    public MisbehavingS3(Misbehaviour misbehaviour) throws IOException {
        this(misbehaviour, Duration.ZERO);
    }

    /** @param delay how long it thinks before it answers a read */
    public MisbehavingS3(Misbehaviour misbehaviour, Duration delay) throws IOException {
        this.misbehaviour = misbehaviour;
        this.delay = delay;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Pages of a listing answered so far. */
    public int pagesListed() {
        return pagesListed.get();
    }

    /** Deletions of objects asked for so far. */
    public int deletions() {
        return deletions.get();
    }

    /** Reads of an object begun so far. */
    public int objectReads() {
        return objectReads.get();
    }

    /** Slow writes ({@link Misbehaviour#SLOW_WRITES}) begun, or writes refused ({@link Misbehaviour#REFUSED_WRITES}), so far. */
    public int slowWrites() {
        return slowWrites.get();
    }

    /**
     * Ends a refusal for the moment: a {@link Misbehaviour#REFUSED_WRITES} or {@link Misbehaviour#REFUSED_READS} store
     * answers as a store does from now on (a store that was away and is back).
     */
    public void comeBack() {
        back = true;
    }

    /** Bytes of endless answers sent so far (what the reader read, give or take the sockets' buffers). */
    public long endlessBytesSent() {
        return endlessBytesSent.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            // A connection per request: its last bytes go out on close, not after the client's delayed ACK (40 ms a page).
            exchange.getResponseHeaders().add("Connection", "close");
            if (misbehaviour == Misbehaviour.SLOW_WRITES || misbehaviour == Misbehaviour.REFUSED_WRITES
                    || misbehaviour == Misbehaviour.REFUSED_READS || misbehaviour == Misbehaviour.DENIED_WRITES) {
                keeping(exchange, body);
                return;
            }
            if (misbehaviour == Misbehaviour.ENDLESS_ERROR && !exchange.getRequestMethod().equals("HEAD")) {
                endless(exchange, 500, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code><Message>",
                        "We encountered an internal error. ");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    exchange.getResponseHeaders().add("ETag", "\"0\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "DELETE" -> {
                    deletions.incrementAndGet();
                    exchange.sendResponseHeaders(204, -1);
                }
                case "HEAD" -> {
                    exchange.getResponseHeaders().add("Content-Length", String.valueOf(PROMISED_BYTES));
                    exchange.getResponseHeaders().add("ETag", "\"0\"");
                    exchange.getResponseHeaders().add("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> read(exchange);
                default -> exchange.sendResponseHeaders(501, -1);
            }
        }
    }

    /** A store that keeps what is written, slow to take (or refusing) anything but an image, or refusing reads. */
    private void keeping(HttpExchange exchange, byte[] body) throws IOException {
        String key = exchange.getRequestURI().getPath();
        byte[] object = kept.get(key);
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                if (misbehaviour != Misbehaviour.REFUSED_READS && !back
                        && !String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).startsWith("image/")) {
                    slowWrites.incrementAndGet();
                    if (misbehaviour == Misbehaviour.REFUSED_WRITES) {
                        refuse(exchange);
                        return;
                    }
                    if (misbehaviour == Misbehaviour.DENIED_WRITES) {
                        deny(exchange);
                        return;
                    }
                    pause(SLOW_WRITE);
                }
                kept.put(key, body);
                exchange.getResponseHeaders().add("ETag", "\"0\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "DELETE" -> {
                deletions.incrementAndGet();
                kept.remove(key);
                exchange.sendResponseHeaders(204, -1);
            }
            case "HEAD", "GET" -> {
                if (object == null && exchange.getRequestMethod().equals("HEAD") && key.indexOf('/', 1) < 0) {
                    exchange.sendResponseHeaders(200, -1); // the bucket
                    return;
                }
                if (object == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().add("ETag", "\"0\"");
                exchange.getResponseHeaders().add("Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT");
                exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().add("Content-Length", String.valueOf(object.length));
                    exchange.sendResponseHeaders(200, -1);
                } else if (misbehaviour == Misbehaviour.REFUSED_READS && !back) {
                    objectReads.incrementAndGet();
                    refuse(exchange);
                } else {
                    objectReads.incrementAndGet();
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            default -> exchange.sendResponseHeaders(501, -1);
        }
    }

    private static void refuse(HttpExchange exchange) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>ServiceUnavailable</Code>"
                + "<Message>Please reduce your request rate.</Message><RequestId>refused</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(503, xml.length);
        exchange.getResponseBody().write(xml);
    }

    private static void deny(HttpExchange exchange) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AccessDenied</Code>"
                + "<Message>Access Denied</Message><RequestId>denied</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(403, xml.length);
        exchange.getResponseBody().write(xml);
    }

    private void read(HttpExchange exchange) throws IOException {
        pause(delay);
        boolean listing = String.valueOf(exchange.getRequestURI().getRawQuery()).contains("list-type=2");
        if (listing && misbehaviour == Misbehaviour.ENDLESS_LISTING) {
            truncatedPage(exchange, pagesListed.incrementAndGet());
            return;
        }
        if (listing && misbehaviour == Misbehaviour.ENDLESS_LISTING_PAGE) {
            pagesListed.incrementAndGet();
            endless(exchange, 200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>arv-media</Name><Prefix></Prefix>"
                    + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>",
                    "<Contents><Key>object</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>"
                            + "<ETag>\"0\"</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        objectReads.incrementAndGet();
        switch (misbehaviour) {
            case CUT_SHORT -> {
                exchange.sendResponseHeaders(200, PROMISED_BYTES);
                OutputStream body = exchange.getResponseBody();
                body.write(new byte[10]);
                body.flush();
                // Closing the exchange with 990 bytes owed makes the server drop the connection.
            }
            case ENDLESS_BODY -> {
                exchange.sendResponseHeaders(200, 0);
                OutputStream body = exchange.getResponseBody();
                byte[] chunk = new byte[8192];
                while (!stopping) {
                    body.write(chunk); // fails once the reader has hung up
                    body.flush();
                    pause(Duration.ofMillis(2));
                }
            }
            case TRICKLE -> {
                exchange.sendResponseHeaders(200, PROMISED_BYTES);
                OutputStream body = exchange.getResponseBody();
                for (int i = 0; i < PROMISED_BYTES && !stopping; i++) {
                    body.write(0); // fails once the reader has hung up
                    body.flush();
                    pause(Duration.ofMillis(100));
                }
            }
            default -> exchange.sendResponseHeaders(404, -1);
        }
    }

    /** An XML answer that starts with {@code head} and repeats {@code element} for as long as the reader reads. */
    private void endless(HttpExchange exchange, int status, String head, String element) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(status, 0);
        OutputStream body = exchange.getResponseBody();
        body.write(head.getBytes(StandardCharsets.UTF_8));
        byte[] chunk = element.repeat(Math.max(1, 65536 / element.length())).getBytes(StandardCharsets.UTF_8);
        while (!stopping) {
            body.write(chunk); // fails once the reader has hung up
            endlessBytesSent.addAndGet(chunk.length);
            pause(Duration.ofMillis(1)); // about 50 MB a second: fast, but no test run fills its heap in seconds
        }
    }

    private static void truncatedPage(HttpExchange exchange, int page) throws IOException {
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>arv-media</Name><Prefix></Prefix>"
                + "<KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>page-" + (page + 1) + "</NextContinuationToken>"
                + "<Contents><Key>object-" + page + "</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>"
                + "<ETag>\"0\"</ETag><Size>1</Size><StorageClass>STANDARD</StorageClass></Contents>"
                + "</ListBucketResult>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, xml.length);
        exchange.getResponseBody().write(xml);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopping = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
