package app.arv.web.it;

import app.arv.launcher.LocalMailServer;
import io.restassured.RestAssured;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * E-mail through HTTP and the real SMTP server the harness starts (the launcher's local one): a mail queued by a
 * request arrives with both parts, in the caller's language, from the configured sender; with the server down the
 * request still succeeds and the mail arrives once it is back.
 */
@ExtendWith(ArvServer.class)
@Isolated("stops the SMTP server")
class MailIT {

    @Test
    void aTestMailArrivesWithBothPartsInTheCallersLanguageFromTheConfiguredSender() throws Exception {
        Api.Tenant tenant = Api.newTenant();

        String id = Api.bearer(tenant.adminToken()).header("Accept-Language", "ru-RU, en;q=0.5")
                .post("/me/test-mail").then().statusCode(202)
                .body("recipient", equalTo(tenant.adminEmail())).body("language", equalTo("ru")).body("status", equalTo("queued"))
                .extract().path("id");

        MimeMessage mail = Inbox.mailTo(tenant.adminEmail());
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(ArvServer.MAIL_FROM));
        assertThat(mail.getSubject()).isEqualTo("Тестовое письмо ARV");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + "@arv.test>");
        Multipart parts = (Multipart) mail.getContent();
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains(tenant.adminEmail(), ArvServer.baseUrl() + "/console/");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"ru\">");
    }

    @Test
    void aMailQueuedWhileTheSmtpServerIsDownArrivesOnceItIsBack() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        LocalMailServer smtp = ArvServer.stack().mail();
        smtp.stop();
        try {
            String id = Api.bearer(tenant.adminToken()).post("/me/test-mail").then().statusCode(202).extract().path("id");
            OutboxRows.awaitAttempts(id, 1);
            assertThat(Inbox.receivedBy(tenant.adminEmail())).isEmpty();
        } finally {
            smtp.start();
        }

        MimeMessage mail = Inbox.mailTo(tenant.adminEmail());
        assertThat(mail.getSubject()).isEqualTo("ARV test mail");
        assertThat(Inbox.receivedBy(tenant.adminEmail())).hasSize(1);
    }

    @Test
    void sentMailsAreCountedInTheApplicationMetrics() {
        Api.Tenant tenant = Api.newTenant();
        Api.bearer(tenant.adminToken()).post("/me/test-mail").then().statusCode(202);
        Inbox.mailTo(tenant.adminEmail());

        String metrics = RestAssured.given().baseUri(ArvServer.baseUrl()).queryParam("scope", "application")
                .get("/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("arv_mail_attempts_total{") && line.contains("outcome=\"sent\""));
    }

    @Test
    void membersAndApiKeysCannotSendTestMails() {
        Api.Tenant tenant = Api.newTenant();

        Api.bearer(tenant.memberToken()).post("/me/test-mail").then().statusCode(403).body("code", equalTo("forbidden"));
        Api.bearer(tenant.adminKey()).post("/me/test-mail").then().statusCode(403).body("code", equalTo("forbidden"));
        assertThat(Inbox.receivedBy(tenant.adminEmail())).isEmpty();
    }

}
