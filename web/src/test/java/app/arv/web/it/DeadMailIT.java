package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Mails the outbox gave up on, through HTTP: listed for their organization's admins (never another's, never a body),
 * queued again by a resend once the cause is fixed, and then delivered by the real SMTP server.
 */
@ExtendWith(ArvServer.class)
class DeadMailIT {

    @Test
    void aDeadMailIsListedForItsOrganizationsAdminsWithItsLastErrorAndNoBody() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = OutboxRows.deadTestMail(tenant);

        Api.bearer(tenant.adminToken()).get("/admin/mail/dead").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.recipient", equalTo(tenant.adminEmail()))
                .body("items.find { it.id == '" + id + "' }.template", equalTo("test-mail"))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("dead"))
                .body("items.find { it.id == '" + id + "' }.last_error", equalTo(OutboxRows.OUTAGE))
                .body("items.find { it.id == '" + id + "' }.text_body", nullValue())
                .body("items.find { it.id == '" + id + "' }.html_body", nullValue());
    }

    @Test
    void aResentDeadMailArrivesAndCannotBeResentOnceSent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = OutboxRows.deadTestMail(tenant);

        Api.bearer(tenant.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(200)
                .body("status", equalTo("queued")).body("attempts", equalTo(0));

        assertThat(Inbox.mailsTo(tenant.adminEmail(), 2)).hasSize(2);
        OutboxRows.awaitStatus(id, "SENT");
        Api.bearer(tenant.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(409)
                .body("code", equalTo("mail_not_dead"));
    }

    @Test
    void anotherOrganizationsDeadMailIsNeitherListedNorResent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = OutboxRows.deadTestMail(tenant);
        Api.Tenant other = Api.newTenant();

        Api.bearer(other.adminToken()).get("/admin/mail/dead").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.bearer(other.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(404);
        assertThat(OutboxRows.statusOf(id)).isEqualTo("DEAD");
    }

    @Test
    void aPlatformAdminSeesEveryOrganizationsDeadMailsAndHowTheOutboxStands() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = OutboxRows.deadTestMail(tenant);

        Api.bearer(Api.platformAdminToken()).get("/admin/mail/dead?limit=200").then().statusCode(200).body("items.id", hasItem(id));
        Api.bearer(Api.platformAdminToken()).get("/admin/mail/outbox").then().statusCode(200)
                .body("dead", greaterThanOrEqualTo(1));
    }

    @Test
    void membersCannotSeeDeadMailsNorTheOutbox() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.memberToken()).get("/admin/mail/dead").then().statusCode(403);
        Api.bearer(tenant.adminToken()).get("/admin/mail/outbox").then().statusCode(403);
    }
}
