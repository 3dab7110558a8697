package app.arv.web.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

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

    private static final String OUTAGE = "SMTP server unreachable: Connection refused (the night's outage)";

    @Test
    void aDeadMailIsListedForItsOrganizationsAdminsWithItsLastErrorAndNoBody() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = deadTestMail(tenant);

        Api.bearer(tenant.adminToken()).get("/admin/mail/dead").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.recipient", equalTo(tenant.adminEmail()))
                .body("items.find { it.id == '" + id + "' }.template", equalTo("test-mail"))
                .body("items.find { it.id == '" + id + "' }.status", equalTo("dead"))
                .body("items.find { it.id == '" + id + "' }.last_error", equalTo(OUTAGE))
                .body("items.find { it.id == '" + id + "' }.text_body", nullValue())
                .body("items.find { it.id == '" + id + "' }.html_body", nullValue());
    }

    @Test
    void aResentDeadMailArrivesAndCannotBeResentOnceSent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = deadTestMail(tenant);

        Api.bearer(tenant.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(200)
                .body("status", equalTo("queued")).body("attempts", equalTo(0));

        assertThat(Inbox.mailsTo(tenant.adminEmail(), 2)).hasSize(2);
        awaitStatus(id, "SENT");
        Api.bearer(tenant.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(409)
                .body("code", equalTo("mail_not_dead"));
    }

    @Test
    void anotherOrganizationsDeadMailIsNeitherListedNorResent() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = deadTestMail(tenant);
        Api.Tenant other = Api.newTenant();

        Api.bearer(other.adminToken()).get("/admin/mail/dead").then().statusCode(200).body("items.id", not(hasItem(id)));
        Api.bearer(other.adminToken()).post("/admin/mail/dead/" + id + "/resend").then().statusCode(404);
        assertThat(statusOf(id)).isEqualTo("DEAD");
    }

    @Test
    void aPlatformAdminSeesEveryOrganizationsDeadMailsAndHowTheOutboxStands() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String id = deadTestMail(tenant);

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

    /**
     * A test mail that went out, then marked dead as the outbox marks one after its last failed attempt: what an SMTP
     * outage longer than the retry policy leaves behind (the outbox's own dead-lettering is MailDeliveryTest's).
     */
    private static String deadTestMail(Api.Tenant tenant) throws SQLException {
        String id = Api.bearer(tenant.adminToken()).post("/me/test-mail").then().statusCode(202).extract().path("id");
        Inbox.mailTo(tenant.adminEmail());
        awaitStatus(id, "SENT");
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement dead = db.prepareStatement("UPDATE mail_outbox SET status = 'DEAD', attempts = 50, sent_at = NULL,"
                        + " last_error = ? WHERE id = ? AND status = 'SENT'")) {
            dead.setString(1, OUTAGE);
            dead.setObject(2, UUID.fromString(id));
            assertThat(dead.executeUpdate()).isOne();
        }
        return id;
    }

    private static void awaitStatus(String id, String status) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!status.equals(statusOf(id))) {
            assertThat(Instant.now()).as("mail %s %s by now", id, status).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String statusOf(String id) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement status = db.prepareStatement("SELECT status FROM mail_outbox WHERE id = ?")) {
            status.setObject(1, UUID.fromString(id));
            try (ResultSet row = status.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
