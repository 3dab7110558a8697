package app.arv.web.it;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Live progress of a generation job as Server-Sent Events, fed by Redis (stream + pub/sub). */
@ExtendWith(ArvServer.class)
class GenerationEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aClientListeningFromTheStartSeesEveryItemProgressAndCompleteThenTheJobComplete() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png", "coffee.png", "camera.png"));

        SseEvents.Stream stream = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.contentType()).startsWith("text/event-stream");
        assertThat(stream.count("item_completed")).isEqualTo(3);
        for (int position = 0; position < 3; position++) {
            String marker = "\"position\":" + position;
            assertThat(stream.events()).filteredOn(e -> e.name().equals("progress") && e.data().contains(marker)).isNotEmpty();
        }
        assertThat(stream.names().get(stream.names().size() - 1)).isEqualTo("completed");
        assertThat(stream.events().get(stream.events().size() - 1).data()).contains("\"completed\":3");
    }

    @Test
    void aClientResumingWithLastEventIdGetsOnlyTheEventsAfterIt() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png", "coffee.png"));
        GenerationApi.awaitFinished(tenant.memberToken(), job, TIMEOUT).body("status", equalTo("completed"));
        List<SseEvents.Event> all = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT).events();

        SseEvents.Stream resumed = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", all.get(1).id(), TIMEOUT);

        assertThat(resumed.events()).containsExactlyElementsOf(all.subList(2, all.size()));
    }

    @Test
    void anotherOrganizationsJobHasNoEventsFor404() throws Exception {
        String job = GenerationApi.submitOne(tenant.memberToken(), GenerationApi.images("horse.png"));

        SseEvents.Stream stream = SseEvents.read(Api.newTenant().memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.status()).isEqualTo(404);
    }

    @Test
    void aLongRunningJobsStreamCarriesHeartbeatsAndEndsWithTheItemsFailureWhenTheBrokerGivesUp() throws Exception {
        String media = MediaApi.uploadOne(tenant.memberToken(), "horse.png", MediaApi.image("horse.png"));
        // The stored source disappears: every attempt breaks, and the broker's back-off keeps the job open for ~15 s.
        try (Stream<Path> files = Files.walk(MediaApi.localStore(tenant.organizationId()))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
        String job = Api.bearer(tenant.memberToken()).body(Map.of("media_ids", List.of(media), "face_limit", 1000))
                .post("/generations").then().statusCode(202).extract().path("id");

        SseEvents.Stream stream = SseEvents.read(tenant.memberToken(), "/generations/" + job + "/events", null, TIMEOUT);

        assertThat(stream.count("heartbeat")).isGreaterThanOrEqualTo(2);
        assertThat(stream.events()).filteredOn(e -> e.name().equals("item_failed"))
                .singleElement().satisfies(e -> assertThat(e.data()).contains("Gave up after 5 attempts"));
        SseEvents.Event last = stream.events().get(stream.events().size() - 1);
        assertThat(last.name()).isEqualTo("completed");
        assertThat(last.data()).contains("\"status\":\"failed\"");
    }
}
