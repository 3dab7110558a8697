package app.arv.web.it;

import app.arv.launcher.ArvNode;
import app.arv.launcher.LocalMailServer;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Isolated;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail outbox on two nodes (the suite's server "A" and a second Payara Micro "B"): 200 mails are queued while
 * the SMTP server is down, then both nodes send them, and B is frozen and killed with SIGKILL while it holds claimed mails.
 * Every mail arrives; the ones B held are sent by A once B's lease has run out. The one duplicate allowed is a mail
 * B had handed to the SMTP server but not yet recorded as sent when it died — it carries the same Message-ID.
 */
@ExtendWith(ArvServer.class)
@Order(4)
@Isolated("stops the SMTP server and kills the second node")
class MailClusterIT {

    private static final int MAILS = 200;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final SecondNode secondNode = new SecondNode();

    @Test
    void everyMailIsSentOnceWhenOneOfTwoSendingNodesIsKilled() throws Exception {
        Api.Tenant tenant = Api.newTenant();
        String admin = Api.platformAdminToken();
        ArvNode nodeB = secondNode.get();
        String nameA = on(ArvServer.baseUrl(), admin).get("/admin/system-info").then().statusCode(200).extract().path("node");
        String nameB = on(nodeB.baseUrl(), admin).get("/admin/system-info").then().statusCode(200).extract().path("node");
        LocalMailServer smtp = ArvServer.stack().mail();
        Set<String> queued = new HashSet<>();
        smtp.stop();
        try {
            for (int i = 0; i < MAILS; i++) {
                String node = i % 2 == 0 ? ArvServer.baseUrl() : nodeB.baseUrl();
                queued.add(on(node, tenant.adminToken()).post("/me/test-mail").then().statusCode(202).extract().path("id"));
            }
        } finally {
            smtp.start();
        }
        List<String> heldByB = ServerProcess.freezeWhileHolding(nodeB.pid(), TIMEOUT, () -> claimsOf(nameB, tenant));

        ServerProcess.kill(nodeB.pid());
        // Once no mail is queued nothing sends any more (B is dead, A sends only queued mails, and records one sent after
        // the SMTP server took it), so every copy there will be has arrived: a duplicate too, which A sends only after
        // B's lease on the mail has run out.
        awaitNoneQueued(tenant);
        Map<String, Long> copies = copiesByMessageId(tenant.adminEmail());

        assertThat(queued).hasSize(MAILS);
        assertThat(copies.keySet()).containsExactlyInAnyOrderElementsOf(queued);
        long duplicates = copies.values().stream().mapToLong(c -> c - 1).sum();
        System.out.printf("MailClusterIT: B held %d claimed mails when killed; %d of %d mails arrived twice%n", heldByB.size(),
                duplicates, MAILS);
        assertThat(duplicates).as("mails sent twice (only B's one in-flight mail may be)").isLessThanOrEqualTo(1);
        assertThat(statusCounts(tenant)).containsExactly(Map.entry("SENT", (long) MAILS));
        assertThat(senders(tenant, heldByB)).containsOnly(nameA);
    }

    /** The mails the node holds right now (claimed, not settled). */
    private static List<String> claimsOf(String node, Api.Tenant tenant) throws SQLException {
        return query("SELECT id::text FROM mail_outbox WHERE organization_id = ? AND claimed_by = ?"
                + " AND claim_token IS NOT NULL AND status = 'QUEUED'", tenant, MailClusterIT::strings, node);
    }

    /** Waits until none of the organization's mails is queued (or the timeout has passed: the assertions then tell). */
    private static void awaitNoneQueued(Api.Tenant tenant) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (statusCounts(tenant).containsKey("QUEUED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    /** Outbox id (the local part of the Message-ID) → how many copies the SMTP server received. */
    private static Map<String, Long> copiesByMessageId(String recipient) {
        return ArvServer.stack().mail().received().stream().filter(m -> isTo(m, recipient))
                .collect(Collectors.groupingBy(MailClusterIT::outboxId, Collectors.counting()));
    }

    private static String outboxId(MimeMessage mail) {
        try {
            String messageId = mail.getMessageID();
            return messageId.substring(1, messageId.indexOf('@'));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage mail, String recipient) {
        try {
            return mail.getAllRecipients() != null && ((InternetAddress) mail.getAllRecipients()[0]).getAddress()
                    .equalsIgnoreCase(recipient);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> statusCounts(Api.Tenant tenant) throws SQLException {
        return query("SELECT status, count(*) FROM mail_outbox WHERE organization_id = ? GROUP BY status", tenant, rows -> {
            Map<String, Long> counts = new java.util.TreeMap<>();
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getLong(2));
            }
            return counts;
        });
    }

    private static List<String> senders(Api.Tenant tenant, List<String> ids) throws SQLException {
        return query("SELECT claimed_by FROM mail_outbox WHERE organization_id = ? AND id::text = ANY (?)", tenant,
                MailClusterIT::strings, (Object) ids.toArray(String[]::new));
    }

    private static List<String> strings(ResultSet rows) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getString(1));
        }
        return values;
    }

    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> T query(String sql, Api.Tenant tenant, Rows<T> read, Object... more) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setObject(1, tenant.organizationId());
            for (int i = 0; i < more.length; i++) {
                if (more[i] instanceof String[] array) {
                    statement.setArray(i + 2, db.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 2, more[i]);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                return read.read(rows);
            }
        }
    }

    private static RequestSpecification on(String baseUrl, String token) {
        return RestAssured.given().baseUri(baseUrl).basePath("/api/v1").contentType(ContentType.JSON)
                .header("Authorization", "Bearer " + token);
    }
}
