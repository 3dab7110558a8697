package app.arv.web.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import groovy.json.JsonOutput;
import groovy.json.JsonSlurper;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for FAL.AI's documented queue API for Tripo v2.5: submit, status with logs,
 * result, files. Every request waits in the queue for two polls, then runs with logged progress. What
 * goes wrong for an image is chosen by the test per image content ({@link #behave}).
 */
final class FakeFalServer {

    static final String KEY = "test-fal-key";
    static final String MODEL_PATH = "/tripo3d/tripo/v2.5/image-to-3d";

    enum Behaviour {
        /** Queued, in progress with logs, completed with a pbr_model, a model_mesh and a rendered_image. */
        NORMAL,
        /** The first submission is answered 429. */
        RATE_LIMITED_ONCE,
        /** The first status poll is answered 500. */
        SERVER_ERROR_ONCE,
        /** The first status poll answers only after the client's read timeout. */
        SLOW_ONCE,
        /** The result is an error (FAL's 422 with a detail). */
        GENERATION_FAILED,
        /** The result has no model file at all. */
        MALFORMED_RESULT,
        /** Every submission is answered 503: FAL is down. */
        DOWN
    }

    record Submission(String authorization, Map<String, Object> input, String imageSha256) {
    }

    private static FakeFalServer shared;

    private final HttpServer server;
    /** The result files' host: another origin, like FAL's CDN, which must never see the key. */
    private final HttpServer cdn;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsLeft = new ConcurrentHashMap<>();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> submitCalls = new ConcurrentHashMap<>();
    private final byte[] preview;

    private static final class Request {
        final String sha;
        final AtomicInteger polls = new AtomicInteger();

        Request(String sha) {
            this.sha = sha;
        }
    }

    static synchronized FakeFalServer shared() {
        if (shared == null) {
            shared = new FakeFalServer();
        }
        return shared;
    }

    private FakeFalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        preview = MediaApi.image("chelsea-lossless.webp");
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-fal");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
        cdn.setExecutor(server.getExecutor());
        cdn.createContext("/", this::handle);
        cdn.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What happens to requests for this image (by content). */
    void behave(byte[] image, Behaviour behaviour) {
        String sha = sha256(image);
        behaviours.put(sha, behaviour);
        faultsLeft.put(sha, new AtomicInteger(1));
    }

    /** Every submission HTTP request that reached FAL for this image, answered or refused. */
    int submitCallsFor(byte[] image) {
        AtomicInteger calls = submitCalls.get(sha256(image));
        return calls == null ? 0 : calls.get();
    }

    /** Submissions FAL accepted (answered 200) for this image. */
    List<Submission> acceptedFor(byte[] image) {
        String sha = sha256(image);
        return submissions.stream().filter(s -> s.imageSha256().equals(sha)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if ("POST".equals(method) && path.equals(MODEL_PATH)) {
                submit(exchange);
            } else if ("GET".equals(method) && path.matches("/requests/[^/]+/status")) {
                status(exchange, path.split("/")[2]);
            } else if ("GET".equals(method) && path.matches("/requests/[^/]+")) {
                result(exchange, path.split("/")[2]);
            } else if ("PUT".equals(method) && path.matches("/requests/[^/]+/cancel")) {
                send(exchange, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}", "application/json");
            } else if ("GET".equals(method) && path.matches("/files/[^/]+\\.glb")) {
                if (exchange.getRequestHeaders().containsKey("Authorization")) {
                    send(exchange, 400, "{\"detail\":\"the CDN must not receive the key\"}", "application/json");
                } else {
                    send(exchange, 200, glb(), "model/gltf-binary");
                }
            } else if ("GET".equals(method) && path.matches("/files/[^/]+\\.webp")) {
                send(exchange, 200, preview, "image/webp");
            } else {
                send(exchange, 404, "{\"detail\":\"Not Found\"}", "application/json");
            }
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Key " + KEY).equals(authorization)) {
            send(exchange, 401, "{\"detail\":\"No user found for Key ID and Secret\"}", "application/json");
            return;
        }
        Map<String, Object> input;
        try (InputStream in = exchange.getRequestBody()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> parsed = (Map<String, Object>) new JsonSlurper().parseText(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            input = parsed;
        }
        String imageUrl = String.valueOf(input.getOrDefault("image_url", ""));
        if (!imageUrl.startsWith("data:") || !imageUrl.contains(";base64,")) {
            send(exchange, 422, "{\"detail\":[{\"loc\":[\"body\",\"image_url\"],\"msg\":\"invalid image\"}]}", "application/json");
            return;
        }
        String sha = sha256(Base64.getDecoder().decode(imageUrl.substring(imageUrl.indexOf(";base64,") + 8)));
        submitCalls.computeIfAbsent(sha, k -> new AtomicInteger()).incrementAndGet();
        if (behaviours.get(sha) == Behaviour.DOWN) {
            send(exchange, 503, "{\"detail\":\"Service Unavailable\"}", "application/json");
            return;
        }
        if (fault(sha, Behaviour.RATE_LIMITED_ONCE)) {
            send(exchange, 429, "{\"detail\":\"Too many requests\"}", "application/json");
            return;
        }
        String id = UUID.randomUUID().toString();
        requests.put(id, new Request(sha));
        submissions.add(new Submission(authorization, input, sha));
        String base = baseUrl() + "/requests/" + id;
        send(exchange, 200, JsonOutput.toJson(Map.of("request_id", id, "status_url", base + "/status",
                "response_url", base, "cancel_url", base + "/cancel")), "application/json");
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        Request request = requests.get(id);
        if (request == null) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}", "application/json");
            return;
        }
        if (fault(request.sha, Behaviour.SERVER_ERROR_ONCE)) {
            send(exchange, 500, "{\"detail\":\"Internal Server Error\"}", "application/json");
            return;
        }
        if (fault(request.sha, Behaviour.SLOW_ONCE)) {
            sleep(4000);
        }
        int poll = request.polls.incrementAndGet();
        Map<String, Object> body = new LinkedHashMap<>();
        if (poll <= 2) {
            body.put("status", "IN_QUEUE");
            body.put("queue_position", 2 - poll);
        } else if (poll <= 4) {
            body.put("status", "IN_PROGRESS");
            body.put("logs", List.of(Map.of("message", "Generating model: " + (poll == 3 ? 30 : 80) + "%")));
        } else {
            body.put("status", "COMPLETED");
            body.put("logs", List.of());
        }
        send(exchange, 200, JsonOutput.toJson(body), "application/json");
    }

    private void result(HttpExchange exchange, String id) throws IOException {
        Request request = requests.get(id);
        if (request == null) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}", "application/json");
            return;
        }
        Behaviour behaviour = behaviours.getOrDefault(request.sha, Behaviour.NORMAL);
        if (behaviour == Behaviour.GENERATION_FAILED) {
            send(exchange, 422, "{\"detail\":\"Tripo task failed: the image could not be reconstructed\"}", "application/json");
            return;
        }
        String files = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/files/" + id;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task_id", id);
        if (behaviour != Behaviour.MALFORMED_RESULT) {
            body.put("model_mesh", file(files + "-mesh.glb", "model/gltf-binary"));
            body.put("pbr_model", file(files + "-pbr.glb", "model/gltf-binary"));
            body.put("rendered_image", file(files + ".webp", "image/webp"));
        } else {
            body.put("model_mesh", Map.of("content_type", "model/gltf-binary"));
        }
        send(exchange, 200, JsonOutput.toJson(body), "application/json");
    }

    private static Map<String, Object> file(String url, String type) {
        return Map.of("url", url, "content_type", type, "file_name", url.substring(url.lastIndexOf('/') + 1), "file_size", 1000);
    }

    private boolean fault(String sha, Behaviour kind) {
        return behaviours.get(sha) == kind && faultsLeft.get(sha).getAndDecrement() > 0;
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

    private static void send(HttpExchange exchange, int status, String body, String type) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8), type);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
