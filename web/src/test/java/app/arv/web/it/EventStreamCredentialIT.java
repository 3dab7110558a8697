package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connections that outlive their request — the organization's WebSocket and a job's SSE stream —
 * end once their credential stops holding, rather than carrying the organization's events on. The
 * IT server beats every 3 s (WebSocket) and 5 s (SSE).
 */
@ExtendWith(ArvServer.class)
class EventStreamCredentialIT {

    /** A few heartbeats: the close is due at the next one, or at once on a change notice. */
    private static final long CLOSE_WITHIN_SECONDS = 12;

    @Test
    void aWebSocketOpenedWithAKeyClosesOnceTheKeyIsRevoked() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String key = Api.issueKey(tenant.adminToken(), "USER");
        String keyId = Api.bearer(key).get("/me").then().statusCode(200).extract().path("id");
        EventSocket socket = EventSocket.open(key);
        socket.awaitConnected();

        Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);

        assertThat(socket.closeCodeWithin(CLOSE_WITHIN_SECONDS)).isEqualTo(1008);
    }

    @Test
    void aWebSocketOfADeactivatedPersonCloses() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String memberId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");
        EventSocket socket = EventSocket.open(tenant.memberToken());
        socket.awaitConnected();

        Api.bearer(tenant.adminToken()).delete("/users/" + memberId).then().statusCode(204);

        assertThat(socket.closeCodeWithin(CLOSE_WITHIN_SECONDS)).isEqualTo(1008);
    }

    @Test
    void aWebSocketClosesAtTheFirstHeartbeatAfterItsTokenExpired() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String userId = Api.bearer(tenant.memberToken()).get("/me").then().extract().path("id");
        // ARV allows 30 s of clock skew on expiry: this token is refused from 6 s on.
        String shortLived = TestTokens.signed("arv", userId, Instant.now().minusSeconds(24));
        EventSocket socket = EventSocket.open(shortLived);
        socket.awaitConnected();

        assertThat(socket.closeCodeWithin(CLOSE_WITHIN_SECONDS)).isEqualTo(1008);
    }

    @Test
    void aJobsEventStreamEndsOnceItsKeyIsRevoked() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String key = Api.issueKey(tenant.adminToken(), "USER");
        String keyId = Api.bearer(key).get("/me").then().statusCode(200).extract().path("id");
        String job = GenerationApi.submittedWithItsSourceGone(tenant);
        CompletableFuture.runAsync(() -> {
            sleep(1000);
            Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);
        });

        SseEvents.Stream stream = SseEvents.read(key, "/generations/" + job + "/events", null, Duration.ofSeconds(CLOSE_WITHIN_SECONDS));

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.names()).doesNotContain("completed");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
