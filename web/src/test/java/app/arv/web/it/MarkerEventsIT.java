package app.arv.web.it;

import app.arv.events.Eavesdropper;
import app.arv.events.Eavesdropper.Heard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Marker status changes on Redis pub/sub, one channel per organization, in the order they happen. */
@ExtendWith(ArvServer.class)
class MarkerEventsIT {

    @Test
    void anOrganizationsChannelCarriesPendingCompilingAndReadyForItsPortrait() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String project = MarkerApi.newProject(tenant.memberToken());
        try (Eavesdropper listener = Eavesdropper.onChannels(ArvServer.stack().redisUrl(),
                "arv:org:" + tenant.organizationId() + ":markers")) {

            String id = MarkerApi.createOne(tenant.memberToken(), project, "chelsea.png", MediaApi.image("chelsea.png"));

            listener.awaitHeard(Duration.ofSeconds(120), heard -> heard.message().contains("\"marker_status\":\"ready\""));
            listener.unsubscribe();
            List<String> messages = listener.heard().stream().map(Heard::message).toList();
            assertThat(messages).allMatch(m -> m.contains("\"id\":\"" + id + "\""));
            assertThat(messages.stream().map(m -> m.replaceAll(".*\"marker_status\":\"([a-z]+)\".*", "$1")).toList())
                    .containsExactly("pending", "compiling", "ready");
        }
    }
}
