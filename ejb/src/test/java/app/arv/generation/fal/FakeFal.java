package app.arv.generation.fal;

import app.arv.shared.Jsonp;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for FAL.AI's documented queue API for Tripo v2.5, on loopback ports: submit, status (with queue
 * position and logs), result, cancel, and the result's files on a second host, like FAL's CDN, which must never see the
 * key. A request is queued twice, in progress twice with a percentage in its logs, then completed with a pbr_model, a
 * model_mesh and a rendered_image. What goes wrong for an image is chosen per image content ({@link #behave}), and so is
 * holding its requests in the queue ({@link #hold}), so tests running at once against the suite's FAL keep out of
 * each other's way; a test can also answer submissions late. Used by the service tests (one per test) and by
 * the server's suite ({@link #shared()}, the FAL the suite's ARV is configured with).
 */
public final class FakeFal implements AutoCloseable {

    public static final String KEY = "test-fal-key";

    /** What happens to the requests for one image. */
    public enum Behaviour {
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

    /** A submission FAL accepted (and would charge for): the Authorization it came with and its input. */
    public record Submission(String authorization, Map<String, Object> input, String imageSha256) {
    }

    private static FakeFal shared;

    private final HttpServer server;
    private final HttpServer cdn;
    private final byte[] renderedImage;
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> faultsLeft = new ConcurrentHashMap<>();
    private final Map<String, Request> requests = new ConcurrentHashMap<>();
    private final List<Submission> submissions = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> submitCalls = new ConcurrentHashMap<>();
    private final AtomicInteger statusPolls = new AtomicInteger();
    private final AtomicInteger pollsToRefuse = new AtomicInteger();
    private final AtomicInteger resultFetches = new AtomicInteger();
    private final AtomicInteger resultsToRefuse = new AtomicInteger();
    private final AtomicInteger cancellations = new AtomicInteger();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile Duration submitAnswerDelay = Duration.ZERO;
    private volatile byte[] model;

    private static final class Request {
        final String sha;
        final AtomicInteger polls = new AtomicInteger();

        Request(String sha) {
            this.sha = sha;
        }
    }

    /** The one FAL of the server's suite, started on first use and kept until the JVM ends. */
    public static synchronized FakeFal shared() {
        if (shared == null) {
            shared = new FakeFal();
        }
        return shared;
    }

    public FakeFal() {
        try (InputStream in = FakeFal.class.getResourceAsStream("/images/chelsea-lossless.webp")) {
            renderedImage = in.readAllBytes();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            cdn = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** ARV's settings for this FAL: its key, short polls, the given read timeout. */
    FalRules rules(Duration readTimeout) {
        return new FalRules(baseUrl(), Optional.of(KEY), Duration.ofSeconds(2), readTimeout, 10_000_000, Duration.ofMillis(20),
                Duration.ofSeconds(30));
    }

    /** What happens to requests for this image (by content). */
    public void behave(byte[] image, Behaviour behaviour) {
        String sha = sha256(image);
        behaviours.put(sha, behaviour);
        faultsLeft.put(sha, new AtomicInteger(1));
    }

    /** Until {@link #release}d, the requests for this image (by content) stay IN_QUEUE. */
    public void hold(byte[] image) {
        held.add(sha256(image));
    }

    /** The requests for this image go on from where they were held. */
    public void release(byte[] image) {
        held.remove(sha256(image));
    }

    /** The next {@code polls} status polls, of any request, are answered 503: a short outage while requests run. */
    public void refuseNextPolls(int polls) {
        pollsToRefuse.set(polls);
    }

    /** The next {@code fetches} result fetches, of any request, are answered 503: an outage once a request is done. */
    public void refuseNextResults(int fetches) {
        resultsToRefuse.set(fetches);
    }

    /** Submissions are accepted at once but answered only after this. */
    public void answerSubmissionsAfter(Duration delay) {
        submitAnswerDelay = delay;
    }

    /**
     * From now on the model files are GLBs of this size (a multiple of 4, from 48 bytes), sent without announcing their
     * length (chunked), so only counting the bytes as they arrive tells how large they are.
     */
    public void serveModelsOf(int bytes) {
        model = glbOf(bytes);
    }

    /** Every submission HTTP request that reached FAL for this image, answered or refused. */
    public int submitCallsFor(byte[] image) {
        AtomicInteger calls = submitCalls.get(sha256(image));
        return calls == null ? 0 : calls.get();
    }

    /** Submissions FAL accepted for this image. */
    public List<Submission> acceptedFor(byte[] image) {
        String sha = sha256(image);
        return submissions.stream().filter(s -> s.imageSha256().equals(sha)).toList();
    }

    /** Submissions FAL accepted, whatever their image. */
    public int submissions() {
        return submissions.size();
    }

    public int statusPolls() {
        return statusPolls.get();
    }

    /** Requests for a result (answered or not). */
    public int resultFetches() {
        return resultFetches.get();
    }

    /** Cancellations asked for, of any request. */
    public int cancellations() {
        return cancellations.get();
    }

    @Override
    public void close() {
        server.stop(0);
        cdn.stop(0);
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
                cancellations.incrementAndGet();
                send(exchange, 202, "{\"status\":\"CANCELLATION_REQUESTED\"}");
            } else if ("GET".equals(method) && path.matches("/files/[^/]+\\.glb")) {
                if (exchange.getRequestHeaders().containsKey("Authorization")) {
                    send(exchange, 400, "{\"detail\":\"the CDN must not receive the key\"}");
                } else {
                    byte[] served = model;
                    if (served == null) {
                        send(exchange, 200, glb(), "model/gltf-binary");
                    } else {
                        exchange.getResponseHeaders().set("Content-Type", "model/gltf-binary");
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write(served);
                    }
                }
            } else if ("GET".equals(method) && path.matches("/files/[^/]+\\.webp")) {
                send(exchange, 200, renderedImage, "image/webp");
            } else {
                send(exchange, 404, "{\"detail\":\"Not Found\"}");
            }
        }
    }

    private void submit(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Key " + KEY).equals(authorization)) {
            send(exchange, 401, "{\"detail\":\"No user found for Key ID and Secret\"}");
            return;
        }
        JsonObject input;
        try (InputStream in = exchange.getRequestBody()) {
            input = Jsonp.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String imageUrl = input.getString("image_url", "");
        if (!imageUrl.startsWith("data:") || !imageUrl.contains(";base64,")) {
            send(exchange, 422, "{\"detail\":[{\"loc\":[\"body\",\"image_url\"],\"msg\":\"invalid image\"}]}");
            return;
        }
        String sha = sha256(Base64.getDecoder().decode(imageUrl.substring(imageUrl.indexOf(";base64,") + 8)));
        submitCalls.computeIfAbsent(sha, k -> new AtomicInteger()).incrementAndGet();
        if (behaviours.get(sha) == Behaviour.DOWN) {
            send(exchange, 503, "{\"detail\":\"Service Unavailable\"}");
            return;
        }
        if (fault(sha, Behaviour.RATE_LIMITED_ONCE)) {
            send(exchange, 429, "{\"detail\":\"Too many requests\"}");
            return;
        }
        String id = UUID.randomUUID().toString();
        requests.put(id, new Request(sha));
        submissions.add(new Submission(authorization, plain(input), sha));
        pause(submitAnswerDelay);
        String base = baseUrl() + "/requests/" + id;
        send(exchange, 200, Jsonp.createObjectBuilder().add("request_id", id).add("status_url", base + "/status")
                .add("response_url", base).add("cancel_url", base + "/cancel").build().toString());
    }

    private void status(HttpExchange exchange, String id) throws IOException {
        Request request = requests.get(id);
        if (request == null) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}");
            return;
        }
        statusPolls.incrementAndGet();
        if (pollsToRefuse.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            send(exchange, 503, "{\"detail\":\"Service Unavailable\"}");
            return;
        }
        if (fault(request.sha, Behaviour.SERVER_ERROR_ONCE)) {
            send(exchange, 500, "{\"detail\":\"Internal Server Error\"}");
            return;
        }
        if (fault(request.sha, Behaviour.SLOW_ONCE)) {
            pause(Duration.ofSeconds(4));
        }
        JsonObjectBuilder body = Jsonp.createObjectBuilder();
        int poll = held.contains(request.sha) ? 0 : request.polls.incrementAndGet();
        if (poll <= 2) {
            body.add("status", "IN_QUEUE").add("queue_position", Math.max(0, 2 - poll));
        } else if (poll <= 4) {
            JsonArrayBuilder logs = Jsonp.createArrayBuilder()
                    .add(Jsonp.createObjectBuilder().add("message", "Generating model: " + (poll == 3 ? 30 : 80) + "%"));
            body.add("status", "IN_PROGRESS").add("logs", logs);
        } else {
            body.add("status", "COMPLETED").add("logs", Jsonp.createArrayBuilder());
        }
        send(exchange, 200, body.build().toString());
    }

    private void result(HttpExchange exchange, String id) throws IOException {
        resultFetches.incrementAndGet();
        Request request = requests.get(id);
        if (request == null) {
            send(exchange, 404, "{\"detail\":\"Request not found\"}");
            return;
        }
        if (resultsToRefuse.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            send(exchange, 503, "{\"detail\":\"Service Unavailable\"}");
            return;
        }
        Behaviour behaviour = behaviours.getOrDefault(request.sha, Behaviour.NORMAL);
        if (behaviour == Behaviour.GENERATION_FAILED) {
            send(exchange, 422, "{\"detail\":\"Tripo task failed: the image could not be reconstructed\"}");
            return;
        }
        String files = "http://127.0.0.1:" + cdn.getAddress().getPort() + "/files/" + id;
        JsonObjectBuilder body = Jsonp.createObjectBuilder().add("task_id", id);
        if (behaviour == Behaviour.MALFORMED_RESULT) {
            body.add("model_mesh", Jsonp.createObjectBuilder().add("content_type", "model/gltf-binary"));
        } else {
            body.add("model_mesh", file(files + "-mesh.glb", "model/gltf-binary"))
                    .add("pbr_model", file(files + "-pbr.glb", "model/gltf-binary"))
                    .add("rendered_image", file(files + ".webp", "image/webp"));
        }
        send(exchange, 200, body.build().toString());
    }

    private static JsonObjectBuilder file(String url, String type) {
        return Jsonp.createObjectBuilder().add("url", url).add("content_type", type)
                .add("file_name", url.substring(url.lastIndexOf('/') + 1)).add("file_size", 1000);
    }

    private boolean fault(String sha, Behaviour kind) {
        return behaviours.get(sha) == kind && faultsLeft.get(sha).getAndDecrement() > 0;
    }

    /** The submitted input with Java values (strings, whole numbers as Integer, booleans), for tests to compare. */
    private static Map<String, Object> plain(JsonObject input) {
        Map<String, Object> values = new LinkedHashMap<>();
        input.forEach((name, value) -> values.put(name, plain(value)));
        return values;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).intValue() : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            default -> value;
        };
    }

    /** A minimal valid GLB: header and a JSON chunk with the asset version. */
    public static byte[] glb() {
        return glbOf(48);
    }

    /** A valid GLB of this size (a multiple of 4, from 48 bytes): the minimal one, its JSON padded with spaces. */
    public static byte[] glbOf(int size) {
        byte[] json = "{\"asset\":{\"version\":\"2.0\"}}".getBytes(StandardCharsets.US_ASCII);
        int padded = size - 20;
        ByteBuffer buffer = ByteBuffer.allocate(12 + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put("glTF".getBytes(StandardCharsets.US_ASCII)).putInt(2).putInt(12 + 8 + padded);
        buffer.putInt(padded).put("JSON".getBytes(StandardCharsets.US_ASCII)).put(json);
        for (int i = json.length; i < padded; i++) {
            buffer.put((byte) ' ');
        }
        return buffer.array();
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, json.getBytes(StandardCharsets.UTF_8), "application/json");
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

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
