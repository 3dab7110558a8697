package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * The audit log through HTTP: what the services record shows in {@code GET /audit-events}, with who did it and from
 * which address (the test's requests come through a trusted proxy, 127.0.0.1, so {@code X-Forwarded-For} names the
 * client); only to the organization's admins; a refused change leaves nothing.
 */
@ExtendWith(ArvServer.class)
class AuditIT {

    /** A refused sign-in is recorded after the answer, in a transaction of its own. */
    private static final Duration RECORDED_APART = Duration.ofSeconds(20);

    private Api.Tenant tenant;

    @BeforeEach
    void freshTenant() {
        tenant = Api.newTenant();
    }

    @Test
    void aSignInShowsWithTheClientAddress() {
        Api.anonymous().header("X-Forwarded-For", "203.0.113.10").header("User-Agent", "AuditIT browser")
                .body(Map.of("email", tenant.adminEmail(), "password", tenant.password())).post("/auth/login").then().statusCode(200);

        Map<String, Object> event = first(events("action=sign_in.succeeded&limit=200"), e -> "203.0.113.10".equals(e.get("client_address")));

        assertThat(event.get("user_agent")).isEqualTo("AuditIT browser");
        assertThat(actor(event).get("kind")).isEqualTo("person");
        assertThat(actor(event).get("label")).isEqualTo(tenant.adminEmail());
        assertThat(details(event).get("method")).isEqualTo("password");
    }

    @Test
    void aRefusedSignInShowsWithTheClientAddressAndTheAddressTried() {
        Api.anonymous().header("X-Forwarded-For", "203.0.113.11")
                .body(Map.of("email", tenant.adminEmail(), "password", "not the password at all")).post("/auth/login").then().statusCode(401);

        Map<String, Object> event = awaitOne("action=sign_in.failed");

        assertThat(event.get("client_address")).isEqualTo("203.0.113.11");
        assertThat(actor(event).get("kind")).isEqualTo("anonymous");
        assertThat(actor(event).get("label")).isEqualTo(tenant.adminEmail());
        assertThat(subject(event).get("id")).isEqualTo(adminId());
        assertThat(details(event).get("reason")).isEqualTo("wrong_password");
    }

    @Test
    void aKeyCreatedAndRevokedShowsBothWays() {
        String keyId = Api.bearer(tenant.adminToken()).body(Map.of("name", "deploy bot", "scope", "USER")).post("/api-keys")
                .then().statusCode(201).extract().path("id");
        Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);

        List<Map<String, Object>> events = events("subject=" + keyId);

        assertThat(events).extracting(e -> e.get("action")).containsExactly("api_key.revoked", "api_key.created");
        assertThat(events).allSatisfy(e -> assertThat(details(e).get("name")).isEqualTo("deploy bot"));
        assertThat(events).allSatisfy(e -> assertThat(subject(e).get("type")).isEqualTo("api_key"));
    }

    @Test
    void aUserChangedAndDeactivatedShowsEachChange() {
        String userId = Api.bearer(tenant.adminToken()).body(Map.of("email", "eve-" + UUID.randomUUID() + "@tenant.test",
                "password", "a fine password 42", "role", "MEMBER")).post("/users").then().statusCode(201).extract().path("id");
        Api.bearer(tenant.adminToken()).body(Map.of("role", "ADMIN")).patch("/users/" + userId).then().statusCode(200);
        Api.bearer(tenant.adminToken()).delete("/users/" + userId).then().statusCode(204);

        List<Map<String, Object>> events = events("subject=" + userId);

        assertThat(events).extracting(e -> e.get("action")).containsExactly("user.deactivated", "user.changed", "user.added");
        assertThat(details(events.get(1))).containsEntry("role", "admin").containsEntry("role_before", "member");
        assertThat(actor(events.get(0)).get("id")).isEqualTo(adminId());
    }

    @Test
    void contentPublishedUnpublishedAndDeletedShows() {
        String project = MarkerApi.newProject(tenant.adminToken());
        String content = MarkerApi.createOne(tenant.adminToken(), project, "rocket.jpg", MediaApi.image("rocket.jpg"));
        Api.bearer(tenant.adminToken()).body(Map.of("published", false)).patch("/ar-content/" + content).then().statusCode(200);
        Api.bearer(tenant.adminToken()).body(Map.of("title", "renamed, still unpublished")).patch("/ar-content/" + content)
                .then().statusCode(200);
        Api.bearer(tenant.adminToken()).delete("/ar-content/" + content).then().statusCode(204);

        List<Map<String, Object>> events = events("subject=" + content);

        assertThat(events).extracting(e -> e.get("action")).containsExactly("ar_content.deleted", "ar_content.unpublished",
                "ar_content.published");
        assertThat(details(events.get(0)).get("title")).isEqualTo("renamed, still unpublished");
    }

    @Test
    void aStorageConnectionChangedShowsWhatChangedButNoSecret() {
        String connection = Api.bearer(tenant.adminToken()).body(Map.of("name", "assets", "provider", "LOCAL", "directory",
                "audit-" + UUID.randomUUID().toString().substring(0, 8))).post("/storage-connections").then().statusCode(201)
                .extract().path("id");
        Api.bearer(tenant.adminToken()).body(Map.of("name", "brand assets")).patch("/storage-connections/" + connection)
                .then().statusCode(200);

        List<Map<String, Object>> events = events("subject=" + connection);

        assertThat(events).extracting(e -> e.get("action")).containsExactly("storage_connection.changed", "storage_connection.created");
        assertThat(details(events.get(0))).containsEntry("name", "brand assets").containsEntry("changed", List.of("name"));
    }

    @Test
    void aWebhookRegisteredChangedGivenANewSecretAndDeletedShowsEachWithItsUrlButNoSecret() {
        String url = "http://127.0.0.1:9/audit-" + UUID.randomUUID();
        JsonPath created = Api.bearer(tenant.adminToken()).body(Map.of("url", url, "events", List.of("api_key.created")))
                .post("/webhooks").then().statusCode(201).extract().jsonPath();
        String webhook = created.getString("id");
        Api.bearer(tenant.adminToken()).body(Map.of("events", List.of("*"), "enabled", false)).patch("/webhooks/" + webhook)
                .then().statusCode(200);
        String rotated = Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/rotate-secret").then().statusCode(200)
                .extract().path("secret");
        Api.bearer(tenant.adminToken()).delete("/webhooks/" + webhook).then().statusCode(204);

        List<Map<String, Object>> events = events("subject=" + webhook);

        assertThat(events).extracting(e -> e.get("action")).containsExactly("webhook.deleted", "webhook.secret_rotated",
                "webhook.changed", "webhook.created");
        assertThat(events).allSatisfy(e -> {
            assertThat(subject(e).get("type")).isEqualTo("webhook");
            assertThat(details(e).get("url")).isEqualTo(url);
            assertThat(e.toString()).doesNotContain(created.getString("secret")).doesNotContain(rotated);
        });
        assertThat(details(events.get(3)).get("events")).isEqualTo(List.of("api_key.created"));
        assertThat(details(events.get(2))).containsEntry("events", List.of("*")).containsEntry("enabled", false)
                .containsEntry("enabled_before", true).containsEntry("changed", List.of("events", "enabled"));
        assertThat(actor(events.get(0)).get("id")).isEqualTo(adminId());
    }

    @Test
    void aRefusedChangeLeavesNoEntry() {
        Api.bearer(tenant.adminToken()).body(Map.of("role", "MEMBER")).patch("/users/" + adminId()).then().statusCode(409);
        Api.bearer(tenant.adminToken()).body(Map.of("name", "bad", "provider", "LOCAL", "directory", "../escape"))
                .post("/storage-connections").then().statusCode(422);

        assertThat(events("subject=" + adminId() + "&action=user.changed")).isEmpty();
        assertThat(events("action=storage_connection.created")).isEmpty();
    }

    @Test
    void theFiltersNarrowByActionActorAndTime() {
        Instant before = Instant.now();
        String keyId = Api.bearer(tenant.adminToken()).body(Map.of("name", "filtered", "scope", "USER")).post("/api-keys")
                .then().statusCode(201).extract().path("id");
        Api.bearer(tenant.adminToken()).delete("/api-keys/" + keyId).then().statusCode(204);

        List<Map<String, Object>> both = events("action=api_key.created,api_key.revoked&actor=" + adminId() + "&from=" + before);
        List<Map<String, Object>> repeated = events("action=api_key.revoked&action=user.added&from=" + before);
        List<Map<String, Object>> earlier = events("action=api_key.revoked&to=" + before);

        assertThat(both).extracting(e -> subject(e).get("id")).containsExactly(keyId, keyId);
        assertThat(repeated).extracting(e -> e.get("action")).containsExactly("api_key.revoked");
        assertThat(earlier).isEmpty();
    }

    @Test
    void pagesAreNewestFirstAndNeverOverlap() {
        List<Object> paged = new ArrayList<>();
        long total = adminGet("/audit-events?limit=2").extract().jsonPath().getLong("total");
        for (int offset = 0; offset < total; offset += 2) {
            paged.addAll(adminGet("/audit-events?limit=2&offset=" + offset).extract().jsonPath().getList("items.id"));
        }
        List<String> times = adminGet("/audit-events?limit=200").extract().jsonPath().getList("items.at");

        assertThat(total).isGreaterThan(2);
        assertThat(paged).hasSize((int) total).doesNotHaveDuplicates();
        assertThat(times).isSortedAccordingTo((a, b) -> Instant.parse(b).compareTo(Instant.parse(a)));
    }

    @Test
    void anEntryRecordedBetweenTwoPageReadsShiftsTheNextPageUnlessToHoldsThePagesStill() throws InterruptedException {
        for (String name : List.of("first", "second")) {
            Api.bearer(tenant.adminToken()).body(Map.of("name", name, "scope", "USER")).post("/api-keys").then().statusCode(201);
        }
        Instant began = Instant.now();
        Thread.sleep(50);
        List<Map<String, Object>> firstPage = events("action=api_key.created&limit=1");
        List<Map<String, Object>> heldFirstPage = events("action=api_key.created&limit=1&to=" + began);
        Api.bearer(tenant.adminToken()).body(Map.of("name", "third", "scope", "USER")).post("/api-keys").then().statusCode(201);

        List<Map<String, Object>> shifted = events("action=api_key.created&limit=1&offset=1");
        List<Map<String, Object>> held = events("action=api_key.created&limit=1&offset=1&to=" + began);

        assertThat(shifted).extracting(e -> e.get("id")).containsExactly(firstPage.get(0).get("id"));
        assertThat(held).extracting(e -> e.get("id")).doesNotContain(heldFirstPage.get(0).get("id")).hasSize(1);
    }

    @Test
    void anotherOrganizationsEventsNeverAppear() {
        Api.Tenant other = Api.newTenant();
        String theirKey = Api.bearer(other.adminToken()).body(Map.of("name", "theirs", "scope", "USER")).post("/api-keys")
                .then().statusCode(201).extract().path("id");

        List<Map<String, Object>> mine = events("limit=200");

        assertThat(events("subject=" + theirKey)).isEmpty();
        assertThat(mine).isNotEmpty().noneSatisfy(e -> assertThat(actor(e).get("label")).isEqualTo(other.adminEmail()));
        Api.bearer(Api.platformAdminToken()).get("/organizations/" + other.organizationId() + "/audit-events?subject=" + theirKey)
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void anActionFilterIsReadInAnyCaseAsBodiesReadNames() {
        Instant before = Instant.now();
        Api.bearer(tenant.adminToken()).body(Map.of("name", "cased", "scope", "USER")).post("/api-keys").then().statusCode(201);

        assertThat(events("action=API_KEY.Created&from=" + before)).extracting(e -> e.get("action")).containsExactly("api_key.created");
    }

    @Test
    void onlyAdminsReadTheLog() {
        Api.bearer(tenant.memberToken()).get("/audit-events").then().statusCode(403);
        Api.bearer(tenant.adminToken()).get("/organizations/" + tenant.organizationId() + "/audit-events").then().statusCode(403);
        Api.bearer(Api.platformAdminToken()).get("/organizations/" + UUID.randomUUID() + "/audit-events").then().statusCode(404);
    }

    @Test
    void anUnreadableFilterIsABadRequest() {
        for (String query : List.of("action=user.exploded", "actor=someone", "from=yesterday", "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z")) {
            Api.bearer(tenant.adminToken()).get("/audit-events?" + query).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("code", equalTo("invalid_filter"));
        }
    }

    @Test
    void aTimeBeyondWhatTheDatabaseComparesIsABadRequest() {
        for (String query : List.of("from=%2B300000-01-01T00:00:00Z", "to=-300000-01-01T00:00:00Z")) {
            Api.bearer(tenant.adminToken()).urlEncodingEnabled(false).get("/audit-events?" + query).then().statusCode(400)
                    .contentType(startsWith("application/problem+json")).body("code", equalTo("invalid_filter"));
        }
    }

    private ValidatableResponse adminGet(String path) {
        return Api.bearer(tenant.adminToken()).get(path).then().statusCode(200);
    }

    private List<Map<String, Object>> events(String query) {
        return adminGet("/audit-events?" + query).extract().jsonPath().getList("items");
    }

    private Map<String, Object> awaitOne(String query) {
        Instant deadline = Instant.now().plus(RECORDED_APART);
        while (true) {
            List<Map<String, Object>> found = events(query);
            if (!found.isEmpty()) {
                assertThat(found).hasSize(1);
                return found.get(0);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No audit event for " + query + " within " + RECORDED_APART);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private String adminId() {
        return Api.bearer(tenant.adminToken()).get("/me").then().statusCode(200).extract().path("id");
    }

    private static Map<String, Object> first(List<Map<String, Object>> events, Predicate<Map<String, Object>> which) {
        return events.stream().filter(which).findFirst().orElseThrow(() -> new AssertionError("No such event among " + events));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> actor(Map<String, Object> event) {
        return (Map<String, Object>) event.get("actor");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> subject(Map<String, Object> event) {
        return (Map<String, Object>) event.get("subject");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> event) {
        return (Map<String, Object>) event.get("details");
    }
}
