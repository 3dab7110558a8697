package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * Outbound webhooks through HTTP, with a real receiver on 127.0.0.1 ({@link WebhookReceiver}): signed deliveries
 * with one event id across retries, retries until the receiver accepts, dying and switching off, tests,
 * redeliveries, event filters, the SSRF guard and who may manage webhooks. The suite's ARV retries within seconds
 * and switches a webhook off after two dead deliveries ({@link ArvServer}).
 */
@ExtendWith(ArvServer.class)
class WebhookIT {

    @Test
    void aWebhookSwitchedOffAnswersWhenAsItIsReadBack() {
        Api.Tenant tenant = Api.newTenant();
        String webhook = Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/off", "events", List.of("*")))
                .post("/webhooks").then().statusCode(201).extract().path("id");

        String answered = Api.bearer(tenant.adminToken()).body(Map.of("enabled", false)).patch("/webhooks/" + webhook).then()
                .statusCode(200).extract().path("disabled_at");

        assertThat(answered).isNotNull();
        Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook).then().statusCode(200).body("disabled_at", equalTo(answered));
    }

    @Test
    void aTestDeliveryAnswersItsCreationAsItIsReadBack() {
        Api.Tenant tenant = Api.newTenant();
        String webhook = Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/tested", "events", List.of("*")))
                .post("/webhooks").then().statusCode(201).extract().path("id");

        var accepted = Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202).extract();
        String answered = accepted.path("created_at");

        assertThat(answered).isNotNull();
        Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook + "/deliveries/" + accepted.path("id")).then().statusCode(200)
                .body("created_at", equalTo(answered));
    }

    @Test
    void anApiKeyCreatedEventIsDeliveredSignedWithItsEventId() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String secret = create(tenant, receiver, List.of("api_key.created")).getString("secret");

            Api.bearer(tenant.adminToken()).body(Map.of("name", "ci key", "scope", "USER")).post("/api-keys").then().statusCode(201);

            WebhookReceiver.Received request = receiver.awaitRequests(1).get(0);
            assertThat(WebhookReceiver.signatureValid(request, secret)).isTrue();
            assertThat(WebhookReceiver.signatureValid(request, secret + "x")).isFalse();
            JsonPath body = JsonPath.from(request.body());
            assertThat(body.getString("type")).isEqualTo("api_key.created");
            assertThat(body.getString("id")).isEqualTo(request.header("ARV-Event-Id"));
            assertThat(body.getString("organization_id")).isEqualTo(tenant.organizationId().toString());
            assertThat(body.getString("data.name")).isEqualTo("ci key");
            assertThat(request.header("ARV-Event-Type")).isEqualTo("api_key.created");
            assertThat(request.header("User-Agent")).startsWith("ARV");
        }
    }

    @Test
    void aReceiverThatFailsTwiceThenAcceptsGetsThreeAttemptsWithOneEventId() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start().failFirst(2)) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");

            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);

            List<WebhookReceiver.Received> requests = receiver.awaitRequests(3);
            assertThat(requests).extracting(r -> r.header("ARV-Event-Id")).containsOnly(requests.get(0).header("ARV-Event-Id"));
            JsonPath delivery = awaitDelivery(tenant, webhook, d -> "delivered".equals(d.getString("status")));
            assertThat(delivery.getString("event_id")).isEqualTo(requests.get(0).header("ARV-Event-Id"));
            assertThat(delivery.getList("attempts.http_status", Integer.class)).containsExactly(500, 500, 200);
            assertThat(delivery.getList("attempts.number", Integer.class)).containsExactly(1, 2, 3);
            assertThat(delivery.getString("attempts[0].response_excerpt")).isEqualTo("receiver says no");
        }
    }

    @Test
    void aWebhookWhoseDeliveriesKeepDyingIsSwitchedOffAndTheAdminsAndTheOtherWebhooksHearOfIt() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start().alwaysFail(); WebhookReceiver watcher = WebhookReceiver.start()) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");
            create(tenant, watcher, List.of("webhook.disabled"));

            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);
            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);

            JsonPath switchedOff = awaitWebhook(tenant, webhook, w -> !w.getBoolean("enabled"));
            assertThat(switchedOff.getString("disabled_reason")).contains("2 deliveries in a row");
            assertThat(deliveries(tenant, webhook).getList("items.status")).containsOnly("dead");
            // Each delivery reached the receiver; how many times it was tried within the 4 s period depends on the
            // machine's load (a loaded CI run saw one attempt each), and retrying is aReceiverThatFailsTwice…'s concern.
            assertThat(receiver.received().size()).isGreaterThanOrEqualTo(2);
            JsonPath told = JsonPath.from(watcher.awaitRequests(1).get(0).body());
            assertThat(told.getString("type")).isEqualTo("webhook.disabled");
            assertThat(told.getString("data.webhook_id")).isEqualTo(webhook);
            // The failing receiver's path (which may be its token) reaches neither the watcher nor the admins' mail.
            String shown = receiver.url().substring(0, receiver.url().indexOf('/', "http://".length())) + "/…";
            assertThat(told.getString("data.url")).isEqualTo(shown);
            Api.bearer(tenant.adminToken()).get("/notifications").then().statusCode(200)
                    .body("items.find { it.type == 'webhook.disabled' }.subject_id", equalTo(webhook));
            assertThat(Inbox.textOf(Inbox.mailTo(tenant.adminEmail()))).contains(shown).doesNotContain(receiver.url());
            JsonPath audited = Api.bearer(tenant.adminToken()).get("/audit-events?action=webhook.disabled").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(audited.getList("items.subject.id")).containsExactly(webhook);
            assertThat(audited.getString("items[0].actor.kind")).isEqualTo("system");
            assertThat(audited.getString("items[0].details.reason")).contains("2 deliveries in a row");
        }
    }

    @Test
    void aTestEventGoesToThatWebhookOnly() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver tested = WebhookReceiver.start(); WebhookReceiver other = WebhookReceiver.start()) {
            String webhook = create(tenant, tested, List.of("api_key.revoked")).getString("id");
            create(tenant, other, List.of("*"));

            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202)
                    .body("event_type", equalTo("test")).body("status", equalTo("pending"));

            assertThat(JsonPath.from(tested.awaitRequests(1).get(0).body()).getString("type")).isEqualTo("test");
            awaitDelivery(tenant, webhook, d -> "delivered".equals(d.getString("status")));
            assertThat(other.received()).isEmpty();
        }
    }

    @Test
    void aRedeliveryIsANewDeliveryOfTheSameEvent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");
            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);
            String first = awaitDelivery(tenant, webhook, d -> "delivered".equals(d.getString("status"))).getString("id");

            String second = Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/deliveries/" + first + "/redeliver")
                    .then().statusCode(202).extract().path("id");

            List<WebhookReceiver.Received> requests = receiver.awaitRequests(2);
            assertThat(second).isNotEqualTo(first);
            assertThat(requests.get(1).header("ARV-Event-Id")).isEqualTo(requests.get(0).header("ARV-Event-Id"));
            assertThat(requests.get(1).body()).isEqualTo(requests.get(0).body());
            assertThat(deliveries(tenant, webhook).getList("items.id")).containsExactlyInAnyOrder(first, second);
        }
    }

    @Test
    void aWebhookGetsOnlyTheEventTypesItSubscribesTo() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver revocations = WebhookReceiver.start(); WebhookReceiver everything = WebhookReceiver.start()) {
            create(tenant, revocations, List.of("api_key.revoked"));
            create(tenant, everything, List.of("*"));

            String key = Api.bearer(tenant.adminToken()).body(Map.of("name", "another key")).post("/api-keys").then().statusCode(201)
                    .extract().path("id");

            assertThat(JsonPath.from(everything.awaitRequests(1).get(0).body()).getString("type")).isEqualTo("api_key.created");
            Thread.sleep(1_000); // several worker rounds: the other webhook's delivery, had one been queued, would have gone
            assertThat(revocations.received()).isEmpty();
            Api.bearer(tenant.adminToken()).delete("/api-keys/" + key).then().statusCode(204);
            JsonPath revoked = JsonPath.from(revocations.awaitRequests(1).get(0).body());
            assertThat(revoked.getString("type")).isEqualTo("api_key.revoked");
            assertThat(revoked.getString("data.api_key_id")).isEqualTo(key);
        }
    }

    @Test
    void anotherOrganizationsWebhooksAreNotFoundAndHearNothing() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        Api.Tenant other = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start(); WebhookReceiver othersReceiver = WebhookReceiver.start()) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");
            create(other, othersReceiver, List.of("*"));

            Api.bearer(other.adminToken()).get("/webhooks/" + webhook).then().statusCode(404);
            Api.bearer(other.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(404);
            Api.bearer(other.adminToken()).body(Map.of("enabled", false)).patch("/webhooks/" + webhook).then().statusCode(404);
            Api.bearer(other.adminToken()).get("/webhooks").then().statusCode(200).body("items.id", hasSize(1));
            Api.bearer(other.adminToken()).body(Map.of("name", "their key")).post("/api-keys").then().statusCode(201);

            othersReceiver.awaitRequests(1);
            Thread.sleep(1_000);
            assertThat(receiver.received()).isEmpty();
        }
    }

    @Test
    void oneOrganizationsSlowReceiversDoNotHoldUpAnotherOrganizationsDelivery() throws Exception {
        Api.Tenant busy = Api.newTenant();
        Api.Tenant other = Api.newTenant();
        // Past the suite's 2 s read timeout: each of the busy tenant's attempts holds a sender for the whole timeout.
        try (WebhookReceiver slow = WebhookReceiver.start().stall(Duration.ofSeconds(3)); WebhookReceiver quick = WebhookReceiver.start()) {
            List<String> webhooks = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                webhooks.add(create(busy, slow, List.of("*")).getString("id"));
            }
            String othersWebhook = create(other, quick, List.of("*")).getString("id");
            for (String webhook : webhooks) {
                Api.bearer(busy.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);
                Api.bearer(busy.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);
            }

            Api.bearer(other.adminToken()).post("/webhooks/" + othersWebhook + "/test").then().statusCode(202);

            Instant arrived = quick.awaitRequests(1).get(0).at();
            // Queued after the busy tenant's twelve, it goes in the next claim, not after every one of them has timed out.
            assertThat(slow.received().stream().filter(r -> r.at().isBefore(arrived)).count()).isLessThan(8);
        }
    }

    @Test
    void aReceiverThatIsSlowToAnswerDoesNotHoldUpTheOtherDeliveriesOfItsClaim() throws Exception {
        Api.Tenant slowTenant = Api.newTenant();
        Api.Tenant quickTenant = Api.newTenant();
        CountDownLatch quickReceived = new CountDownLatch(1);
        try (WebhookReceiver slow = WebhookReceiver.start(); WebhookReceiver quick = WebhookReceiver.start()) {
            String slowWebhook = create(slowTenant, slow, List.of("*")).getString("id");
            String quickWebhook = create(quickTenant, quick, List.of("*")).getString("id");
            Api.bearer(slowTenant.adminToken()).post("/webhooks/" + slowWebhook + "/test").then().statusCode(202);
            Api.bearer(quickTenant.adminToken()).post("/webhooks/" + quickWebhook + "/test").then().statusCode(202);
            awaitDelivery(slowTenant, slowWebhook, d -> "delivered".equals(d.getString("status")));
            awaitDelivery(quickTenant, quickWebhook, d -> "delivered".equals(d.getString("status")));
            // The slow receiver now answers only once the quick one has its delivery.
            slow.holdUntil(quickReceived);

            // Both due again in one statement, so one claim takes both, the slow receiver's first in line.
            int due = SuiteDatabase.execute("UPDATE webhook_delivery SET status = 'PENDING', settled_at = NULL, next_attempt_at ="
                    + " CASE WHEN webhook_id = '" + slowWebhook + "' THEN now() - interval '2 hours' ELSE now() - interval '1 hour' END"
                    + " WHERE webhook_id IN ('" + slowWebhook + "', '" + quickWebhook + "')");
            quick.awaitRequests(2);
            quickReceived.countDown();

            assertThat(due).isEqualTo(2);
            // ARV was still waiting for the slow receiver's answer when the quick one got its delivery: the held attempt
            // got the answer (200) instead of running into the read timeout before the quick delivery was even sent.
            // The delivery's view reads the delivery and its attempts in two statements, so the second attempt may show
            // before the status it set: wait for both.
            JsonPath held = awaitDelivery(slowTenant, slowWebhook,
                    d -> d.getList("attempts").size() >= 2 && "delivered".equals(d.getString("status")));
            assertThat(held.getList("attempts.http_status", Integer.class)).startsWith(200, 200);
        }
    }

    @Test
    void anOrganizationRegistersNoMoreWebhooksThanTheLimit() {
        Api.Tenant tenant = Api.newTenant();
        for (int i = 0; i < 10; i++) {
            Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/hook-" + i)).post("/webhooks").then().statusCode(201);
        }

        Api.bearer(tenant.adminToken()).body(Map.of("url", "http://127.0.0.1:9/one-more")).post("/webhooks").then().statusCode(409)
                .contentType(startsWith("application/problem+json")).body("code", equalTo("webhook_limit_reached"));
        Api.bearer(tenant.adminToken()).get("/webhooks?limit=100").then().statusCode(200).body("total", equalTo(10));
    }

    @Test
    void aDeactivatedOrganizationsPendingDeliveriesAreNotSent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");
            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);
            awaitDelivery(tenant, webhook, d -> "delivered".equals(d.getString("status")));

            Api.bearer(Api.platformAdminToken()).body(Map.of("active", false)).patch("/organizations/" + tenant.organizationId())
                    .then().statusCode(200);
            // A delivery still pending when the organization was switched off (the API no longer lets its admins queue one).
            int pending = SuiteDatabase.execute("UPDATE webhook_delivery SET status = 'PENDING', settled_at = NULL,"
                    + " next_attempt_at = now() WHERE webhook_id = '" + webhook + "'");
            Thread.sleep(1_500); // several worker rounds

            assertThat(pending).isEqualTo(1);
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void membersAndApiKeysCannotManageWebhooks() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.memberToken()).get("/webhooks").then().statusCode(403).body("code", equalTo("forbidden"));
        Api.bearer(tenant.memberToken()).body(Map.of("url", "https://hooks.example.com/arv")).post("/webhooks").then().statusCode(403);
        Api.bearer(tenant.userKey()).get("/webhooks").then().statusCode(403);
    }

    @Test
    void urlsTheOutboundGuardRefusesAreNotAccepted() {
        Api.Tenant tenant = Api.newTenant();

        refused(tenant, "http://example.com/hook"); // plain http to a host the operator did not allow
        refused(tenant, "https://10.1.2.3/hook"); // a private address
        refused(tenant, "https://169.254.169.254/latest/meta-data"); // the cloud's metadata service
        refused(tenant, "https://localhost/hook"); // loopback by name (only 127.0.0.1 is allowed to the suite)
        refused(tenant, "ftp://example.com/hook");
        refused(tenant, "https://minio.internal/hook"); // allowed to the operator's storage connections, not to webhooks

        Api.bearer(tenant.adminToken()).get("/webhooks").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void theSecretIsShownOnceAndAShortOneIsRefused() {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = create(tenant, receiver, List.of("*"));

            Api.bearer(tenant.adminToken()).get("/webhooks/" + created.getString("id")).then().statusCode(200)
                    .body("secret", nullValue()).body("secret_hint", equalTo(created.getString("secret_hint")));
            assertThat(created.getString("secret")).endsWith(created.getString("secret_hint").substring(1));
            Api.bearer(tenant.adminToken()).body(Map.of("url", receiver.url(), "secret", "too-short"))
                    .post("/webhooks").then().statusCode(400);
        }
    }

    @Test
    void afterARotationDeliveriesAreSignedWithTheNewAndThePreviousSecret() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            JsonPath created = create(tenant, receiver, List.of("*"));
            String webhook = created.getString("id");

            String rotated = Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/rotate-secret").then().statusCode(200)
                    .body("secret", not(emptyOrNullString())).extract().path("secret");
            Api.bearer(tenant.adminToken()).post("/webhooks/" + webhook + "/test").then().statusCode(202);

            WebhookReceiver.Received request = receiver.awaitRequests(1).get(0);
            assertThat(rotated).isNotEqualTo(created.getString("secret"));
            assertThat(WebhookReceiver.signatureValid(request, rotated)).isTrue();
            assertThat(WebhookReceiver.signatureValid(request, created.getString("secret"))).isTrue();
        }
    }

    @Test
    void aChangeWithARefusedUrlChangesNothingAndAGoodOneAppliesEveryField() {
        Api.Tenant tenant = Api.newTenant();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhook = create(tenant, receiver, List.of("*")).getString("id");

            Api.bearer(tenant.adminToken()).body(Map.of("url", "https://10.0.0.1/x", "description", "changed"))
                    .patch("/webhooks/" + webhook).then().statusCode(422).body("code", equalTo("endpoint_not_allowed"));
            Api.bearer(tenant.adminToken()).body(Map.of("events", List.of("marker.exploded")))
                    .patch("/webhooks/" + webhook).then().statusCode(422).body("code", equalTo("invalid_events"));
            Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook).then().statusCode(200)
                    .body("url", equalTo(receiver.url())).body("description", equalTo("tests"));

            Api.bearer(tenant.adminToken()).body(Map.of("events", List.of("marker.failed"), "enabled", false, "description", "orders"))
                    .patch("/webhooks/" + webhook).then().statusCode(200)
                    .body("events", equalTo(List.of("marker.failed"))).body("enabled", equalTo(false)).body("description", equalTo("orders"));
            Api.bearer(tenant.adminToken()).delete("/webhooks/" + webhook).then().statusCode(204);
            Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook).then().statusCode(404);
        }
    }

    private static JsonPath create(Api.Tenant tenant, WebhookReceiver receiver, List<String> events) {
        return Api.bearer(tenant.adminToken()).body(Map.of("url", receiver.url(), "events", events, "description", "tests"))
                .post("/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static void refused(Api.Tenant tenant, String url) {
        Api.bearer(tenant.adminToken()).body(Map.of("url", url)).post("/webhooks").then().statusCode(422)
                .body("code", equalTo("endpoint_not_allowed"));
    }

    private static JsonPath deliveries(Api.Tenant tenant, String webhook) {
        return Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook + "/deliveries").then().statusCode(200).extract().jsonPath();
    }

    /** The webhook's only delivery once it matches (fails after 30 s). */
    private static JsonPath awaitDelivery(Api.Tenant tenant, String webhook, Predicate<JsonPath> done) throws InterruptedException {
        return await(() -> JsonPath.from(deliveries(tenant, webhook).prettify()).setRootPath("items[0]"), done);
    }

    private static JsonPath awaitWebhook(Api.Tenant tenant, String webhook, Predicate<JsonPath> done) throws InterruptedException {
        return await(() -> Api.bearer(tenant.adminToken()).get("/webhooks/" + webhook).then().statusCode(200).extract().jsonPath(), done);
    }

    private static JsonPath await(Supplier<JsonPath> read, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonPath last = read.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Still not there after 30 s: " + last.prettify());
            }
            Thread.sleep(200);
            last = read.get();
        }
        return last;
    }
}
