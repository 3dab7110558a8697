package app.arv.web.it;

import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Password reset through HTTP and the real SMTP server: the mailed link's token sets a new password once; a known
 * and an unknown address get the same answer. Each test asks from client addresses of its own (X-Forwarded-For;
 * the harness trusts 127.0.0.1 as a proxy), so the reset throttle's per-client count is not shared between tests.
 */
@ExtendWith(ArvServer.class)
class PasswordResetIT {

    private static final Pattern LINK = Pattern.compile("(\\S+)/console/#/reset\\?token=([A-Za-z0-9_-]+)");
    /** Headers that differ between any two answers. */
    private static final Set<String> PER_RESPONSE = Set.of("date", "x-request-id", "traceparent", "content-length");
    private static final String NEW_PASSWORD = "a-brand-new-password-42";

    @Test
    void theMailedLinkSetsANewPasswordOnce() {
        Api.Tenant tenant = Api.newTenant();

        requestReset(tenant.adminEmail()).then().statusCode(202);
        Matcher link = linkIn(Inbox.mailTo(tenant.adminEmail()));
        assertThat(link.group(1)).isEqualTo(ArvServer.baseUrl());
        String token = link.group(2);

        confirm(token, NEW_PASSWORD).then().statusCode(204);

        Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", NEW_PASSWORD)).post("/auth/login").then().statusCode(200);
        Api.anonymous().body(Map.of("email", tenant.adminEmail(), "password", tenant.password())).post("/auth/login").then().statusCode(401);
        confirm(token, "yet-another-password-43").then().statusCode(400).body("code", equalTo("invalid_token"));
    }

    @Test
    void aRequestNamingAnotherHostGetsNoMailWhileThePublicAddressIsNotSet() {
        Api.Tenant tenant = Api.newTenant();

        // Anybody can write the Host header: a link built on it would hand the victim's token to the writer's host.
        Api.anonymous().header("Host", "evil.example").header("X-Forwarded-For", Api.newClientAddress())
                .body(Map.of("email", tenant.adminEmail())).post("/auth/password-reset").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("public_address_unset"));
        requestReset(tenant.adminEmail()).then().statusCode(202);

        assertThat(linkIn(Inbox.mailTo(tenant.adminEmail())).group(1)).isEqualTo(ArvServer.baseUrl());
        assertThat(Inbox.receivedBy(tenant.adminEmail())).hasSize(1);
    }

    @Test
    void anUnknownTokenIsRefusedAndChangesNothing() {
        confirm("x".repeat(43), NEW_PASSWORD).then().statusCode(400).body("code", equalTo("invalid_token"));
    }

    @Test
    void aKnownAndAnUnknownAddressGetTheSameAnswer() {
        Api.Tenant tenant = Api.newTenant();
        String unknown = "nobody-" + UUID.randomUUID() + "@example.com";

        Response known = requestReset(tenant.adminEmail());
        Response nobody = requestReset(unknown);

        assertThat(nobody.statusCode()).isEqualTo(known.statusCode()).isEqualTo(202);
        assertThat(nobody.asString()).isEqualTo(known.asString());
        assertThat(comparable(nobody)).isEqualTo(comparable(known));
        Inbox.mailTo(tenant.adminEmail());
        assertThat(Inbox.receivedBy(unknown)).isEmpty();
    }

    /** Not a timed assertion (that would be flaky on a shared machine): the medians are printed for the report. */
    @Test
    void knownAndUnknownAddressesAnswerInComparableTime() {
        List<String> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Tenant tenant = Api.newTenant();
            known.add(tenant.adminEmail());
        }
        requestReset("warm-up-" + UUID.randomUUID() + "@example.com").then().statusCode(202);
        List<Long> knownMillis = new ArrayList<>();
        List<Long> unknownMillis = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            for (String email : known) {
                knownMillis.add(timed(email));
                unknownMillis.add(timed("nobody-" + UUID.randomUUID() + "@example.com"));
            }
        }

        System.out.printf("password reset medians over %d requests each: known %d ms, unknown %d ms%n",
                knownMillis.size(), median(knownMillis), median(unknownMillis));
        assertThat(knownMillis).hasSize(12);
    }

    @Test
    void repeatedRequestsForOneAddressAreHeldBack() {
        String email = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 5; i++) {
            requestReset(email).then().statusCode(202);
        }

        requestReset(email).then().statusCode(429).body("code", equalTo("too_many_attempts"));
    }

    private static long timed(String email) {
        Response response = requestReset(email);
        assertThat(response.statusCode()).isEqualTo(202);
        return response.time();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Response requestReset(String email) {
        return Api.anonymous().header("X-Forwarded-For", Api.newClientAddress()).body(Map.of("email", email)).post("/auth/password-reset");
    }

    private static Response confirm(String token, String password) {
        return Api.anonymous().header("X-Forwarded-For", Api.newClientAddress()).body(Map.of("token", token, "password", password))
                .post("/auth/password-reset/confirm");
    }

    private static Map<String, String> comparable(Response response) {
        return response.headers().asList().stream().filter(h -> !PER_RESPONSE.contains(h.getName().toLowerCase()))
                .collect(Collectors.toMap(h -> h.getName().toLowerCase(), Header::getValue, (a, b) -> a + ", " + b));
    }

    private static Matcher linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(Inbox.textOf(mail));
        assertThat(link.find()).as("a reset link in the mail's text").isTrue();
        return link;
    }

}
