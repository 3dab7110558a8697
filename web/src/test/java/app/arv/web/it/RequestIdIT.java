package app.arv.web.it;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ArvServer.class)
class RequestIdIT {

    @Test
    void aClientsRequestIdIsReturnedUnchanged() {
        Response response = Api.anonymous().header("X-Request-ID", "client-abc.123").get("/me");

        assertThat(response.header("X-Request-ID")).isEqualTo("client-abc.123");
    }

    @Test
    void aRequestWithoutAnIdGetsAFreshOne() {
        String first = Api.anonymous().get("/me").header("X-Request-ID");
        String second = Api.anonymous().get("/me").header("X-Request-ID");

        assertThat(UUID.fromString(first)).isNotEqualTo(UUID.fromString(second));
    }

    @Test
    void anUnsafeRequestIdIsReplaced() {
        String returned = Api.anonymous().header("X-Request-ID", "evil\" id; drop").get("/me").header("X-Request-ID");

        assertThat(returned).doesNotContain("evil");
        assertThat(UUID.fromString(returned)).isNotNull();
    }

    @Test
    void theProblemBodyNamesTheSameRequestId() {
        Response response = Api.anonymous().header("X-Request-ID", "trace-42").get("/projects");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.jsonPath().getString("request_id")).isEqualTo("trace-42");
    }

    @Test
    void theAccessLogHasOneJsonLineForTheRequest() throws Exception {
        String id = "log-" + UUID.randomUUID();
        Api.anonymous().header("X-Request-ID", id).get("/projects");

        String line = AccessLogLines.awaitLineContaining(id);

        assertThat(line).startsWith("{").endsWith("}")
                .contains("\"method\":\"GET\"", "\"path\":\"/api/v1/projects\"", "\"status\":401", "\"duration_ms\":");
    }
}
