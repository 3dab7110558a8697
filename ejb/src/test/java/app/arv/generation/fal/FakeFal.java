package app.arv.generation.fal;

import app.arv.shared.Jsonp;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for FAL.AI's documented queue API for Tripo v2.5 on a loopback port: submit, status
 * (with logs), result, cancel, and the result's file on a CDN path. A request stays queued while the test
 * holds the queue, then is completed with a model_mesh; submissions can be made to answer late.
 */
final class FakeFal implements AutoCloseable {

    static final String KEY = "test-fal-key";

    private final HttpServer server;
    private final Set<String> requests = ConcurrentHashMap.newKeySet();
    private final AtomicInteger submissions = new AtomicInteger();
    private final AtomicInteger statusPolls = new AtomicInteger();
    private volatile boolean queueHeld;
    private volatile Duration submitAnswerDelay = Duration.ZERO;

    FakeFal() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-fal");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** ARV's settings for this FAL: its key, short polls, the given read timeout. */
    FalRules rules(Duration readTimeout) {
        return new FalRules(baseUrl(), Optional.of(KEY), Duration.ofSeconds(2), readTimeout, 10_000_000, Duration.ofMillis(20),
                Duration.ofSeconds(30));
    }

    /** While held, every request stays IN_QUEUE; let go, the next status poll finds it COMPLETED. */
    void holdQueue(boolean held) {
        queueHeld = held;
    }

    /** Submissions are accepted at once but answered only after this. */
    void answerSubmissionsAfter(Duration delay) {
        submitAnswerDelay = delay;
    }

    /** Submissions FAL accepted, and would charge for. */
    int submissions() {
        return submissions.get();
    }

    int statusPolls() {
        return statusPolls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.equals("/" + FalClient.MODEL)) {
                submit(exchange);
            } else if ("GET".equals(method) && path.matches("/requests/[^/]+/status")) {
                status(exchange, path.split("/")[2]);
            } else if ("GET".equals(method) && path.matches("/requests/[^/]+")) {
                result(exchange, path.split("/")[2]);
            } else if ("PUT".equals(method) && path.matches("/requests/[^/]+/cancel")) {
                send(exchange, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            } else if ("GET".equals(method) && path.matches("/files/[^/]+\\.glb")) {
                send(exchange, 200, glb(), "model/gltf-binary");
            } else {
                send(exchange, 404, "{\"detail\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            }
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        if (!("Key " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"detail\":\"No user found for Key ID and Secret\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        try (InputStream in = exchange.getRequestBody()) {
            Jsonp.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getString("image_url");
        }
        String id = UUID.randomUUID().toString();
        requests.add(id);
        submissions.incrementAndGet();
        pause(submitAnswerDelay);
        String base = baseUrl() + "/requests/" + id;
        send(exchange, 200, Jsonp.createObjectBuilder().add("request_id", id).add("status_url", base + "/status")
                .add("response_url", base).add("cancel_url", base + "/cancel").build().toString().getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        if (!requests.contains(id)) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        statusPolls.incrementAndGet();
        String body = queueHeld ? "{\"status\":\"IN_QUEUE\",\"queue_position\":0}" : "{\"status\":\"COMPLETED\",\"logs\":[]}";
        send(exchange, 200, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    private void result(HttpExchange exchange, String id) throws IOException {
        if (!requests.contains(id)) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}".getBytes(StandardCharsets.UTF_8), "application/json");
            return;
        }
        String body = Jsonp.createObjectBuilder().add("task_id", id).add("model_mesh", Jsonp.createObjectBuilder()
                .add("url", baseUrl() + "/files/" + id + ".glb").add("content_type", "model/gltf-binary")).build().toString();
        send(exchange, 200, body.getBytes(StandardCharsets.UTF_8), "application/json");
    }

    /** A minimal valid GLB: header and a JSON chunk with the asset version. */
    static byte[] glb() {
        byte[] json = "{\"asset\":{\"version\":\"2.0\"}}".getBytes(StandardCharsets.US_ASCII);
        int padded = (json.length + 3) / 4 * 4;
        ByteBuffer buffer = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("glTF".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(12 + 8 + padded);
        buffer.putInt(padded).put("JSON".getBytes(StandardCharsets.US_ASCII)).put(json);
        for (int i = json.length; i < padded; i++) {
            buffer.put((byte) ' ');
        }
        return buffer.array();
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
