package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The organization's WebSocket: every generation and marker event of its own organization, live, and nobody else's. */
@ExtendWith(ArvServer.class)
class OrganizationEventsIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @Test
    void aClientSeesProgressAndCompletionOfEveryJobOfItsOrganization() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (EventSocket socket = EventSocket.open(tenant.memberToken())) {
            socket.awaitConnected();

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
        try (EventSocket socket = EventSocket.open(tenant.memberToken())) {
            socket.awaitConnected();

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
        try (EventSocket mine = EventSocket.open(tenant.memberToken()); EventSocket theirs = EventSocket.open(stranger.memberToken())) {
            mine.awaitConnected();
            theirs.awaitConnected();

            String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));
            mine.await(m -> job.equals(m.getString("job")) && "completed".equals(m.getString("event")));
            GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT).body("status", equalTo("completed"));

            assertThat(theirs.received(m -> !"server".equals(m.getString("source")))).isEmpty();
        }
    }

    @Test
    void aSocketPastTheOrganizationsCapIsClosedToTryLaterAndOneClosedMakesRoom() throws Exception {
        String token = Api.newTenant().memberToken();
        List<EventSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < ArvServer.MAX_SOCKETS_PER_ORGANIZATION; i++) {
                EventSocket socket = EventSocket.open(token);
                open.add(socket);
                socket.awaitConnected();
            }

            try (EventSocket onePast = EventSocket.open(token)) {
                assertThat(onePast.closeCodeWithin(30)).isEqualTo(1013);
                assertThat(onePast.received(m -> true)).isEmpty();
            }
            open.remove(0).close();

            // The server hears of the close a moment later.
            boolean room = false;
            for (int attempt = 0; attempt < 10 && !room; attempt++) {
                try (EventSocket again = EventSocket.open(token)) {
                    room = again.greetedWithin(Duration.ofSeconds(3));
                }
            }
            assertThat(room).as("a socket once one of the organization's closed").isTrue();
        } finally {
            open.forEach(EventSocket::close);
        }
    }

    @Test
    void aSocketWithoutAValidTokenIsClosedForPolicyViolation() throws Exception {
        try (EventSocket socket = EventSocket.open("not-a-token")) {
            assertThat(socket.closeCodeWithin(30)).isEqualTo(1008);
        }
    }
}
