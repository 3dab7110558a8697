package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The organization's WebSocket: every generation and marker event of its own organization, live, and nobody else's. */
@ExtendWith(ArvServer.class)
class OrganizationEventsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aClientSeesProgressAndCompletionOfEveryJobOfItsOrganization() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (Socket socket = Socket.open(tenant.memberToken())) {
            socket.await(m -> "connected".equals(m.getString("event")));

            String first = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
            String second = GenerationApi.submitOne(tenant.adminToken(), GenerationApi.images("coffee.png"));

            for (String job : List.of(first, second)) {
                socket.await(m -> "generations".equals(m.getString("source")) && job.equals(m.getString("job"))
                        && "completed".equals(m.getString("event")));
                assertThat(socket.received(m -> job.equals(m.getString("job")) && "progress".equals(m.getString("event")))).isNotEmpty();
                assertThat(socket.received(m -> job.equals(m.getString("job")) && "item_completed".equals(m.getString("event")))).hasSize(1);
            }
        }
    }

    @Test
    void aClientSeesAPortraitsMarkerBecomeReady() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        try (Socket socket = Socket.open(tenant.memberToken())) {
            socket.await(m -> "connected".equals(m.getString("event")));

            String content = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

            JsonPath ready = socket.await(m -> "markers".equals(m.getString("source")) && content.equals(m.getString("id"))
                    && "ready".equals(m.getString("marker_status")));
            assertThat(ready.getString("unique_id")).isNotBlank();
        }
    }

    @Test
    void aClientOfAnotherOrganizationSeesNoneOfIt() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant stranger = Api.newTenant();
        try (Socket mine = Socket.open(tenant.memberToken()); Socket theirs = Socket.open(stranger.memberToken())) {
            mine.await(m -> "connected".equals(m.getString("event")));
            theirs.await(m -> "connected".equals(m.getString("event")));

            String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
            mine.await(m -> job.equals(m.getString("job")) && "completed".equals(m.getString("event")));
            GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT).body("status", equalTo("completed"));

            assertThat(theirs.received(m -> !"server".equals(m.getString("source")))).isEmpty();
        }
    }

    @Test
    void aSocketWithoutAValidTokenIsClosedForPolicyViolation() throws Exception {
        try (Socket socket = Socket.open("not-a-token")) {
            assertThat(socket.closeCode.get(30, TimeUnit.SECONDS)).isEqualTo(1008);
        }
    }

    /** A WebSocket client that keeps every text message it receives. */
    private static final class Socket implements WebSocket.Listener, AutoCloseable {

        private final BlockingQueue<JsonPath> incoming = new LinkedBlockingQueue<>();
        private final List<JsonPath> all = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket webSocket;

        static Socket open(String token) throws Exception {
            Socket socket = new Socket();
            URI uri = URI.create(ArvServer.baseUrl().replaceFirst("^http", "ws") + "/ws/events?access_token=" + token);
            socket.webSocket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, socket).get(30, TimeUnit.SECONDS);
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
}
