package app.arv.web.it;

import io.restassured.path.json.JsonPath;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A client of the organization's WebSocket ({@code /ws/events}) that keeps every message and how ARV closed it. */
final class EventSocket implements WebSocket.Listener, AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final BlockingQueue<JsonPath> incoming = new LinkedBlockingQueue<>();
    private final List<JsonPath> all = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket webSocket;

    static EventSocket open(String token) throws Exception {
        return open(HttpClient.newHttpClient().newWebSocketBuilder(), token);
    }

    /** Opened as if from {@code client} (forwarded by the suite's trusted loopback proxy). */
    static EventSocket openFrom(String client, String token) throws Exception {
        return open(HttpClient.newHttpClient().newWebSocketBuilder().header("X-Forwarded-For", client), token);
    }

    private static EventSocket open(WebSocket.Builder builder, String token) throws Exception {
        EventSocket socket = new EventSocket();
        URI uri = URI.create(ArvServer.baseUrl().replaceFirst("^http", "ws") + "/ws/events?access_token=" + token);
        socket.webSocket = builder.buildAsync(uri, socket).get(30, TimeUnit.SECONDS);
        return socket;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonPath message = JsonPath.from(partial.toString());
            partial.setLength(0);
            all.add(message);
            incoming.add(message);
        }
        socket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    /** Waits for ARV's greeting: from then on the socket receives the organization's events. */
    void awaitConnected() throws InterruptedException {
        await(m -> "connected".equals(m.getString("event")));
    }

    /** Whether ARV's greeting arrives within {@code wait} (false: not yet, or the socket was refused). */
    boolean greetedWithin(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            if (all.stream().anyMatch(m -> "connected".equals(m.getString("event")))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** The first message from now on that matches, or any earlier one; fails after the timeout. */
    JsonPath await(Predicate<JsonPath> wanted) throws InterruptedException {
        for (JsonPath seen : all) {
            if (wanted.test(seen)) {
                return seen;
            }
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonPath next = incoming.poll(200, TimeUnit.MILLISECONDS);
            if (next != null && wanted.test(next)) {
                return next;
            }
        }
        throw new AssertionError("No such message within " + TIMEOUT + "; received: " + all.stream().map(JsonPath::prettify).toList());
    }

    List<JsonPath> received(Predicate<JsonPath> wanted) {
        return all.stream().filter(wanted).toList();
    }

    /** The close code ARV sent, once it closes the socket within {@code seconds}. */
    int closeCodeWithin(long seconds) throws Exception {
        return closeCode.get(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        try {
            if (!webSocket.isOutputClosed()) {
                webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
            }
        } catch (Exception alreadyClosedByTheServer) {
            webSocket.abort();
        }
    }
}
