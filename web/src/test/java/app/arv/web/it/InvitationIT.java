package app.arv.web.it;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Invitations through HTTP and the real SMTP server: an admin invites, the test reads the mail and follows its link,
 * the person accepts and is signed in with the invited role in the inviting organization. Each acceptance comes from a
 * client address of its own (X-Forwarded-For; the harness trusts 127.0.0.1 as a proxy), so the throttle's per-client
 * count is not shared between tests.
 */
@ExtendWith(ArvServer.class)
class InvitationIT {

    private static final Pattern LINK = Pattern.compile("(\\S+)/console/#/invitation\\?token=([A-Za-z0-9_-]+)");
    private static final String PASSWORD = "a-brand-new-password-42";

    @Test
    void anInvitationsTimesAreAnsweredAsTheyAreReadBack() {
        Api.Tenant tenant = Api.newTenant();

        Response invited = invite(tenant.adminToken(), newAddress(), "MEMBER");

        invited.then().statusCode(201);
        Api.bearer(tenant.adminToken()).get("/users/invitations/" + invited.path("id")).then().statusCode(200)
                .body("sent_at", equalTo(invited.path("sent_at"))).body("expires_at", equalTo(invited.path("expires_at")));
    }

    @Test
    void theMailedLinkCreatesThePersonInTheInvitingOrganizationWithTheRoleAndSignsThemIn() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();

        Response invited = invite(tenant.adminToken(), email, "ADMIN");
        invited.then().statusCode(201).header("Location", notNullValue()).body("status", equalTo("pending"))
                .body("role", equalTo("ADMIN"));
        Matcher link = linkIn(Inbox.mailTo(email));
        assertThat(link.group(1)).isEqualTo(ArvServer.baseUrl());

        Response accepted = accept(link.group(2), PASSWORD, "Nina New");

        accepted.then().statusCode(201).body("token_type", equalTo("Bearer")).body("refresh_token", notNullValue());
        String token = accepted.path("access_token");
        Api.bearer(token).get("/me").then().statusCode(200).body("name", equalTo(email))
                .body("organization.id", equalTo(tenant.organizationId().toString())).body("roles", hasItem("org-admin"));
        Api.bearer(token).get("/me/account").then().statusCode(200).body("name", equalTo("Nina New"));
        Api.login(email, PASSWORD);
        Api.bearer(tenant.adminToken()).basePath("").get(invited.header("Location")).then().statusCode(200)
                .body("status", equalTo("accepted")).body("accepted_at", notNullValue());
    }

    @Test
    void anInvitationNamingAnotherHostIsNotSentWhileThePublicAddressIsNotSet() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();

        // Anybody can write the Host header, an admin's client too: a link built on it would lead the invited person,
        // and their token, to the writer's host.
        Api.bearer(tenant.adminToken()).header("Host", "evil.example").body(Map.of("email", email, "role", "MEMBER"))
                .post("/users/invitations").then().statusCode(503)
                .contentType("application/problem+json").body("code", equalTo("public_address_unset"));
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);

        assertThat(linkIn(Inbox.mailTo(email)).group(1)).isEqualTo(ArvServer.baseUrl());
        assertThat(Inbox.receivedBy(email)).hasSize(1);
    }

    @Test
    void invitingRevokingAndJoiningShowInTheOrganizationsAuditLog() {
        Api.Tenant tenant = Api.newTenant();
        String withdrawn = newAddress();
        String joining = newAddress();
        String revoked = invite(tenant.adminToken(), withdrawn, "MEMBER").then().statusCode(201).extract().path("id");
        Api.bearer(tenant.adminToken()).delete("/users/invitations/" + revoked).then().statusCode(204);
        invite(tenant.adminToken(), joining, "MEMBER").then().statusCode(201);

        accept(linkIn(Inbox.mailTo(joining)).group(2), PASSWORD, null).then().statusCode(201);

        JsonPath log = Api.bearer(tenant.adminToken()).get("/audit-events?action=user.invited,user.invitation_revoked,user.added")
                .then().statusCode(200).extract().jsonPath();
        // the tenant's own member, added before, comes last
        assertThat(log.getList("items.action", String.class))
                .containsExactly("user.added", "user.invited", "user.invitation_revoked", "user.invited", "user.added");
        assertThat(log.getList("items.details.email", String.class).subList(0, 4)).containsExactly(joining, joining, withdrawn, withdrawn);
        assertThat(log.getString("items[0].details.via")).isEqualTo("invitation");
        assertThat(log.getString("items[0].actor.label")).isEqualTo(joining);
        assertThat(log.getString("items[1].actor.label")).isEqualTo(tenant.adminEmail());
    }

    @Test
    void aMemberInvitationGivesTheMemberRole() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);

        String token = accept(linkIn(Inbox.mailTo(email)).group(2), PASSWORD, null).then().statusCode(201).extract().path("access_token");

        Api.bearer(token).get("/me").then().statusCode(200).body("roles", not(hasItem("org-admin")));
        Api.bearer(token).get("/users").then().statusCode(403);
    }

    @Test
    void withoutALocaleTheInvitationIsInTheFirstOfTheRequestsLanguagesArvSpeaks() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.adminToken()).header("Accept-Language", "de, ru;q=0.9, en;q=0.5")
                .body(Map.of("email", newAddress(), "role", "MEMBER")).post("/users/invitations")
                .then().statusCode(201).body("locale", equalTo("ru"));
    }

    @Test
    void theRoleIsReadInAnyCaseAndAnsweredInCapitals() {
        Api.Tenant tenant = Api.newTenant();

        invite(tenant.adminToken(), newAddress(), "member").then().statusCode(201).body("role", equalTo("MEMBER"));
        invite(tenant.adminToken(), newAddress(), "Admin").then().statusCode(201).body("role", equalTo("ADMIN"));
    }

    @Test
    void theLinkWorksOnce() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);
        accept(rawToken, PASSWORD, null).then().statusCode(201);

        accept(rawToken, "another-password-43", null).then().statusCode(400).body("code", equalTo("invalid_token"));
        preview(rawToken).then().statusCode(400).body("code", equalTo("invalid_token"));
        Api.login(email, PASSWORD);
    }

    @Test
    void thePreviewSaysWhereAndAsWhomAndNothingElse() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "ADMIN").then().statusCode(201);

        Map<String, Object> shown = preview(linkIn(Inbox.mailTo(email)).group(2)).then().statusCode(200).extract().jsonPath().getMap("$");

        assertThat(shown).containsOnlyKeys("organization", "email").containsEntry("email", email);
    }

    @Test
    void aResentInvitationKillsTheOldLink() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        String id = invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201).extract().path("id");

        Api.bearer(tenant.adminToken()).post("/users/invitations/" + id + "/resend").then().statusCode(200).body("status", equalTo("pending"));

        List<MimeMessage> mails = Inbox.mailsTo(email, 2);
        String first = linkIn(mails.get(0)).group(2);
        String second = linkIn(mails.get(1)).group(2);
        assertThat(second).isNotEqualTo(first);
        accept(first, PASSWORD, null).then().statusCode(400).body("code", equalTo("invalid_token"));
        accept(second, PASSWORD, null).then().statusCode(201);
    }

    @Test
    void aRevokedInvitationsLinkIsRefusedAndCreatesNobody() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        String id = invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201).extract().path("id");
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);

        Api.bearer(tenant.adminToken()).delete("/users/invitations/" + id).then().statusCode(204);

        accept(rawToken, PASSWORD, null).then().statusCode(400).body("code", equalTo("invalid_token"));
        Api.bearer(tenant.adminToken()).get("/users/invitations/" + id).then().statusCode(200).body("status", equalTo("revoked"));
        Api.anonymous().body(Map.of("email", email, "password", PASSWORD)).post("/auth/login").then().statusCode(401);
    }

    @Test
    void anExpiredLinkIsRefusedAndCreatesNobody() throws SQLException {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        String id = invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201).extract().path("id");
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);
        expire(UUID.fromString(id));

        accept(rawToken, PASSWORD, null).then().statusCode(400).body("code", equalTo("invalid_token"));
        Api.bearer(tenant.adminToken()).get("/users/invitations/" + id).then().statusCode(200).body("status", equalTo("expired"));
        Api.anonymous().body(Map.of("email", email, "password", PASSWORD)).post("/auth/login").then().statusCode(401);
    }

    @Test
    void anotherOrganizationsInvitationIsNotFound() {
        Api.Tenant acme = Api.newTenant();
        Api.Tenant other = Api.newTenant();
        String id = invite(acme.adminToken(), newAddress(), "MEMBER").then().statusCode(201).extract().path("id");

        Api.bearer(other.adminToken()).get("/users/invitations/" + id).then().statusCode(404);
        Api.bearer(other.adminToken()).post("/users/invitations/" + id + "/resend").then().statusCode(404);
        Api.bearer(other.adminToken()).delete("/users/invitations/" + id).then().statusCode(404);
        Api.bearer(other.adminToken()).get("/users/invitations").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void aMemberCannotInvite() {
        Api.Tenant tenant = Api.newTenant();

        invite(tenant.memberToken(), newAddress(), "MEMBER").then().statusCode(403);
        Api.bearer(tenant.memberToken()).get("/users/invitations").then().statusCode(403);
    }

    @Test
    void anAddressWithAnAccountCannotBeInvited() {
        Api.Tenant acme = Api.newTenant();
        Api.Tenant other = Api.newTenant();

        invite(acme.adminToken(), other.adminEmail(), "MEMBER").then().statusCode(409).body("code", equalTo("email_taken"));
    }

    @Test
    void aSecondInviteOfAPendingAddressIsAConflict() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);

        invite(tenant.adminToken(), email.toUpperCase(), "ADMIN").then().statusCode(409).body("code", equalTo("invitation_pending"));
    }

    @Test
    void concurrentInvitesOfOneAddressGiveOneInvitationAndConflictsNeverAnError() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> invites = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                invites.add(() -> invite(tenant.adminToken(), email, "MEMBER").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(invites)) {
                statuses.add(answer.get());
            }

            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void badInputIsRefusedAndLeavesNothing() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();

        invite(tenant.adminToken(), "not-an-address", "MEMBER").then().statusCode(400);
        Api.bearer(tenant.adminToken()).body(Map.of("email", email)).post("/users/invitations").then().statusCode(400);
        Api.bearer(tenant.adminToken()).body(Map.of("email", email, "role", "MEMBER", "locale", "de")).post("/users/invitations")
                .then().statusCode(400);

        Api.bearer(tenant.adminToken()).get("/users/invitations").then().statusCode(200).body("total", equalTo(0));
        assertThat(Inbox.receivedBy(email)).isEmpty();
    }

    @Test
    void aWeakPasswordIsRefusedAndTheLinkStillWorks() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);

        accept(rawToken, "qwertyuiop", null).then().statusCode(422).body("code", equalTo("weak_password"));

        accept(rawToken, PASSWORD, null).then().statusCode(201);
    }

    @Test
    void aPasswordTooShortIsAWeakPasswordLikeAnyOtherRule() {
        Api.Tenant tenant = Api.newTenant();
        String email = newAddress();
        invite(tenant.adminToken(), email, "MEMBER").then().statusCode(201);
        String rawToken = linkIn(Inbox.mailTo(email)).group(2);

        accept(rawToken, "Xq7#pL2", null).then().statusCode(422).body("code", equalTo("weak_password"))
                .body("detail", containsString("at least"));
    }

    private static Response invite(String token, String email, String role) {
        return Api.bearer(token).body(Map.of("email", email, "role", role)).post("/users/invitations");
    }

    private static Response accept(String rawToken, String password, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("token", rawToken, "password", password));
        if (name != null) {
            body.put("name", name);
        }
        return Api.anonymous().header("X-Forwarded-For", Api.newClientAddress()).body(body).post("/auth/invitations/accept");
    }

    private static Response preview(String rawToken) {
        return Api.anonymous().body(Map.of("token", rawToken)).post("/auth/invitations/preview");
    }

    /** Moves the invitation's link into the past, as if its ARV_INVITATION_TTL had run out. */
    private static void expire(UUID invitation) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement update = db.prepareStatement(
                        "UPDATE invitation SET sent_at = now() - interval '4 days', expires_at = now() - interval '1 day' WHERE id = ?")) {
            update.setObject(1, invitation);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String newAddress() {
        return "invited-" + UUID.randomUUID() + "@example.com";
    }

    private static Matcher linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(Inbox.textOf(mail));
        assertThat(link.find()).as("an invitation link in the mail's text").isTrue();
        return link;
    }
}
