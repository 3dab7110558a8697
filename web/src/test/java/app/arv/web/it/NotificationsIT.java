package app.arv.web.it;

import groovy.json.JsonOutput;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

/**
 * Notifications through HTTP against the real servers: a marker failure arrives in the console (list, unread count,
 * the WebSocket push), by mail through the real SMTP server and by webhook to a local receiver; preferences turn channels off; a generation's end, a
 * quota's 80 % and content expiry (the timer runs every 2 s here) are told exactly once; nothing crosses to another
 * person or organization.
 */
@ExtendWith(ArvServer.class)
@Order(SuiteOrder.LONG)
class NotificationsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private Api.Tenant tenant;
    private String memberEmail;
    private String project;

    @BeforeEach
    void freshTenantWithAProject() {
        tenant = Api.newTenant();
        memberEmail = tenant.adminEmail().replace("admin-", "member-");
        project = MarkerApi.newProject(tenant.memberToken());
        // The tenant's two API keys were told to its admin already (api_key.created): each test starts with none unread.
        Api.bearer(tenant.adminToken()).post("/notifications/read-all").then().statusCode(200).body("read", equalTo(2));
    }

    @Test
    void aMarkerFailureArrivesInAppLiveByMailAndByAWebhookThatFailsTwiceFirst() throws Exception {
        try (EventSocket socket = EventSocket.open(tenant.adminToken()); WebhookReceiver receiver = WebhookReceiver.start().failFirst(2)) {
            socket.awaitConnected();
            String secret = Api.bearer(tenant.adminToken())
                    .body(Map.of("url", receiver.url(), "events", List.of("marker.failed"), "description", "orders system"))
                    .post("/webhooks").then().statusCode(201).extract().path("secret");

            String id = failedContent();

            JsonPath pushed = socket.await(m -> "notifications".equals(m.getString("source")));
            assertThat(pushed.getString("notification.type")).isEqualTo("marker.failed");
            assertThat(pushed.getString("notification.subject_id")).isEqualTo(id);
            JsonPath listed = notifications(tenant.adminToken(), "marker.failed", 1).get(0);
            assertThat(listed.getString("data.verdict")).isEqualTo("unusable");
            assertThat(listed.getList("data.reasons")).isNotEmpty();
            assertThat(listed.getString("console_path")).isEqualTo("/console/#/content/" + id);
            Api.bearer(tenant.adminToken()).get("/notifications/unread-count").then().statusCode(200).body("unread", equalTo(1));
            String text = Inbox.textOf(Inbox.mailTo(tenant.adminEmail()));
            assertThat(text).contains("unusable", listed.getList("data.reasons").get(0).toString(), "/console/#/content/" + id);
            List<WebhookReceiver.Received> attempts = receiver.awaitRequests(3);
            assertThat(attempts).extracting(a -> a.header("ARV-Event-Id")).containsOnly(attempts.get(0).header("ARV-Event-Id"));
            assertThat(attempts).allSatisfy(a -> assertThat(WebhookReceiver.signatureValid(a, secret)).isTrue());
            JsonPath delivered = JsonPath.from(attempts.get(2).body());
            assertThat(delivered.getString("type")).isEqualTo("marker.failed");
            assertThat(delivered.getString("data.ar_content_id")).isEqualTo(id);
            assertThat(delivered.getString("data.verdict")).isEqualTo("unusable");
        }
    }

    @Test
    void theCreatorHearsOfTheirContentAndAMemberWhoIsNeitherGetsNoPush() throws Exception {
        String bystander = bystanderToken();
        try (EventSocket adminSocket = EventSocket.open(tenant.adminToken()); EventSocket otherSocket = EventSocket.open(bystander)) {
            adminSocket.awaitConnected();
            otherSocket.awaitConnected();

            String id = failedContent();

            adminSocket.await(m -> "notifications".equals(m.getString("source")));
            // The marker's own event is published after the same commit: once the bystander has it, a push would have come too.
            otherSocket.await(m -> "markers".equals(m.getString("source")) && id.equals(m.getString("id"))
                    && "failed".equals(m.getString("marker_status")));
            assertThat(otherSocket.received(m -> "notifications".equals(m.getString("source")))).isEmpty();
            assertThat(list(bystander)).isEmpty();
            assertThat(notifications(tenant.memberToken(), "marker.failed", 1)).hasSize(1);
            assertThat(subject(Inbox.mailTo(memberEmail))).startsWith("Marker failed:");
        }
    }

    @Test
    void preferencesTurnTheMailAndTheInAppChannelOff() throws Exception {
        failedContent();
        notifications(tenant.adminToken(), "marker.failed", 1);
        Inbox.mailTo(tenant.adminEmail());
        Api.bearer(tenant.adminToken()).body(Map.of("preferences", List.of(
                Map.of("type", "marker.failed", "channel", "email", "enabled", false),
                Map.of("type", "marker.failed", "channel", "in_app", "enabled", false))))
                .put("/me/notification-preferences").then().statusCode(200);

        failedContent();

        // The member (defaults) is told of the second failure in the same transaction as the admin would have been.
        notifications(tenant.memberToken(), "marker.failed", 2);
        awaitMails(memberEmail, 2);
        assertThat(Inbox.receivedBy(tenant.adminEmail())).hasSize(1);
        assertThat(list(tenant.adminToken())).filteredOn(n -> "marker.failed".equals(n.getString("type"))).hasSize(1);
    }

    @Test
    void thePreferencesShowEveryTypeAndChannelWithItsDefaultAndCanBeReset() {
        Api.bearer(tenant.memberToken()).get("/me/notification-preferences").then().statusCode(200)
                .body("items.size()", equalTo(20))
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.enabled", equalTo(false))
                .body("items.find { it.type == 'marker.failed' && it.channel == 'email' }.enabled", equalTo(true))
                .body("items.find { it.type == 'marker.failed' && it.channel == 'email' }.is_default", equalTo(true));
        Api.bearer(tenant.memberToken()).body(Map.of("preferences", List.of(Map.of("type", "marker.ready", "channel", "email", "enabled", true))))
                .put("/me/notification-preferences").then().statusCode(200)
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.enabled", equalTo(true))
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.is_default", equalTo(false));

        Api.bearer(tenant.memberToken()).body("{\"preferences\":[{\"type\":\"marker.ready\",\"channel\":\"email\",\"enabled\":null}]}")
                .put("/me/notification-preferences").then().statusCode(200)
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.enabled", equalTo(false))
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.is_default", equalTo(true));
    }

    @Test
    void anUnknownTypeOrChannelIsRefusedAndNothingChanges() {
        Api.bearer(tenant.memberToken()).body(Map.of("preferences", List.of(
                Map.of("type", "marker.ready", "channel", "email", "enabled", true),
                Map.of("type", "marker.exploded", "channel", "email", "enabled", true))))
                .put("/me/notification-preferences").then().statusCode(400).body("code", equalTo("unknown_event_type"));
        Api.bearer(tenant.memberToken()).body(Map.of("preferences", List.of(Map.of("type", "marker.ready", "channel", "pigeon", "enabled", true))))
                .put("/me/notification-preferences").then().statusCode(400).body("code", equalTo("unknown_channel"));

        Api.bearer(tenant.memberToken()).get("/me/notification-preferences").then()
                .body("items.find { it.type == 'marker.ready' && it.channel == 'email' }.is_default", equalTo(true));
    }

    @Test
    void aFinishedGenerationIsTold() {
        String job = GenerationApi.completedOne(tenant.memberToken(), Duration.ofMinutes(3), "horse.png");

        JsonPath told = notifications(tenant.memberToken(), "generation.finished", 1).get(0);

        assertThat(told.getString("subject_id")).isEqualTo(job);
        assertThat(told.getString("data.status")).isEqualTo("completed");
        assertThat(told.getInt("data.completed")).isEqualTo(1);
        assertThat(notifications(tenant.adminToken(), "generation.finished", 1)).hasSize(1);
    }

    @Test
    void aQuotaAtEightyPercentIsToldOnce() {
        MediaApi.uploadOne(tenant.memberToken(), "coins.png", MediaApi.image("coins.png"));
        long used = Api.bearer(tenant.memberToken()).get("/usage").then().extract().<Number>path("stored_bytes.used").longValue();
        byte[] first = noise(1);
        byte[] second = noise(2);
        Limits.set(tenant.organizationId(), Map.of("stored_bytes", (long) ((used + first.length) / 0.85)));

        MediaApi.uploadOne(tenant.memberToken(), "first.png", first);
        MediaApi.uploadOne(tenant.memberToken(), "second.png", second);

        JsonPath warning = notifications(tenant.adminToken(), "quota.warning", 1).get(0);
        assertThat(warning.getString("data.quota")).isEqualTo("stored_bytes");
        assertThat(list(tenant.adminToken())).filteredOn(n -> n.getString("type").startsWith("quota.")).hasSize(1);
        assertThat(list(tenant.memberToken())).filteredOn(n -> n.getString("type").startsWith("quota.")).isEmpty();
    }

    @Test
    void theExpiryTimerWarnsOnceAndTellsExpiredOnce() throws Exception {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        Api.bearer(tenant.memberToken()).body(Map.of("expires_at", soon.toString())).patch("/ar-content/" + id).then().statusCode(200);

        notifications(tenant.memberToken(), "ar_content.expiring", 1);
        Thread.sleep(6000); // three more rounds of the timer
        assertThat(list(tenant.memberToken())).filteredOn(n -> n.getString("type").startsWith("ar_content.")).hasSize(1);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Api.bearer(tenant.memberToken()).body(Map.of("expires_at", now.toString())).patch("/ar-content/" + id).then().statusCode(200);

        JsonPath expired = notifications(tenant.memberToken(), "ar_content.expired", 1).get(0);
        assertThat(expired.getString("data.expires_at")).isEqualTo(now.toString());
        Thread.sleep(6000);
        assertThat(list(tenant.memberToken())).filteredOn(n -> "ar_content.expired".equals(n.getString("type"))).hasSize(1);
        awaitMail(memberEmail, "Expired: Portrait coins.png");
    }

    @Test
    void anAddressNoMailServerTakesIsRefusedAndOneTakenBeforeStopsNoOtherOrganizationsExpiryNews() throws Exception {
        Api.Tenant other = Api.newTenant();
        Api.bearer(other.adminToken()).body(Map.of("email", "ops@corp_x.com", "password", other.password(), "role", "ADMIN"))
                .post("/users").then().statusCode(400).body("code", equalTo("validation_failed"));
        // An admin whose address was taken before ARV checked addresses as its outbox does.
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement change = db.prepareStatement("UPDATE app_user SET email = ? WHERE email = ?")) {
            change.setString(1, "ops-" + UUID.randomUUID() + "@corp_x.com");
            change.setString(2, other.adminEmail());
            assertThat(change.executeUpdate()).isOne();
        }
        Instant soon = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofDays(2));
        String theirs = MarkerApi.createOne(other.memberToken(), MarkerApi.newProject(other.memberToken()), "coins.png",
                MediaApi.image("coins.png"));
        Api.bearer(other.memberToken()).body(Map.of("expires_at", soon.toString())).patch("/ar-content/" + theirs).then().statusCode(200);
        String ours = MarkerApi.createOne(tenant.memberToken(), project, "coins.png", MediaApi.image("coins.png"));
        Api.bearer(tenant.memberToken()).body(Map.of("expires_at", soon.plusSeconds(60).toString())).patch("/ar-content/" + ours)
                .then().statusCode(200);

        JsonPath told = notifications(tenant.memberToken(), "ar_content.expiring", 1).get(0);

        assertThat(told.getString("subject_id")).isEqualTo(ours);
        assertThat(notifications(other.memberToken(), "ar_content.expiring", 1).get(0).getString("subject_id")).isEqualTo(theirs);
    }

    @Test
    void notificationsStayWithTheirPersonAndOrganization() {
        failedContent();
        String annsId = notifications(tenant.adminToken(), "marker.failed", 1).get(0).getString("id");
        Api.Tenant other = Api.newTenant();

        Api.bearer(other.adminToken()).post("/notifications/" + annsId + "/read").then().statusCode(404);
        Api.bearer(tenant.memberToken()).post("/notifications/" + notifications(tenant.memberToken(), "marker.failed", 1).get(0)
                .getString("id") + "/read").then().statusCode(200).body("read", equalTo(true));
        Api.bearer(other.adminToken()).get("/notifications").then().statusCode(200)
                .body("items.type", everyItem(equalTo("api_key.created")));
        Api.bearer(tenant.adminKey()).get("/notifications").then().statusCode(403);
        Api.bearer(tenant.adminToken()).get("/notifications/unread-count").then().body("unread", equalTo(1));
    }

    @Test
    void readAllLeavesNothingUnreadAndTheUnreadFilterEmpty() {
        failedContent();
        notifications(tenant.adminToken(), "marker.failed", 1);

        Api.bearer(tenant.adminToken()).post("/notifications/read-all").then().statusCode(200).body("read", equalTo(1));

        Api.bearer(tenant.adminToken()).get("/notifications/unread-count").then().body("unread", equalTo(0));
        Api.bearer(tenant.adminToken()).queryParam("unread", true).get("/notifications").then().body("total", equalTo(0));
        Api.bearer(tenant.adminToken()).get("/notifications").then().body("items.findAll { it.type == 'marker.failed' }.read", contains(true));
    }

    /** AR content whose portrait cannot be a marker, created by the member; waited until its marker failed. */
    private String failedContent() {
        String id = MarkerApi.createOne(tenant.memberToken(), project, "grey.png", MarkerApi.flatImage());
        MarkerApi.awaitMarker(tenant.memberToken(), id, MarkerApi.COMPILE_TIMEOUT).body("status", equalTo("failed"));
        return id;
    }

    /** The person's notifications of {@code type}, once there are {@code count} (waited for). */
    private static List<JsonPath> notifications(String token, String type, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            List<JsonPath> found = list(token).stream().filter(n -> type.equals(n.getString("type"))).toList();
            if (found.size() >= count) {
                return found;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count + " " + type + " notifications expected within " + WAIT + ", got " + found.size());
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<JsonPath> list(String token) {
        List<Map<String, Object>> items = Api.bearer(token).queryParam("limit", 200).get("/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return items.stream().map(item -> JsonPath.from(JsonOutput.toJson(item))).toList();
    }

    /** A PNG of random pixels (about 7.5 kB, different for every seed): storage that is counted, never deduplicated. */
    private static byte[] noise(long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(50, 50, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 50; x++) {
            for (int y = 0; y < 50; y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return MediaApi.png(image);
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitMails(String recipient, int count) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Inbox.receivedBy(recipient).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(count + " mails to " + recipient + " expected within " + WAIT);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void awaitMail(String recipient, String subject) {
        Instant deadline = Instant.now().plus(WAIT);
        while (Inbox.receivedBy(recipient).stream().map(NotificationsIT::subject).noneMatch(subject::equals)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No mail '" + subject + "' to " + recipient + " within " + WAIT);
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A third person of the tenant: a member who created nothing and is no admin. */
    private String bystanderToken() {
        String email = tenant.adminEmail().replace("admin-", "bystander-");
        Api.bearer(tenant.adminToken()).body(Map.of("email", email, "password", tenant.password(), "role", "MEMBER"))
                .post("/users").then().statusCode(201);
        return Api.login(email, tenant.password());
    }
}
