package app.arv.web.it;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of the mail outbox, for tests that need a mail in a state the API does not make on demand (dead) or wait for one. */
final class OutboxRows {

    static final String OUTAGE = "SMTP server unreachable: Connection refused (the night's outage)";

    private OutboxRows() {
    }

    /**
     * A test mail that went out, then marked dead as the outbox marks one after its last failed attempt: what an SMTP
     * outage longer than the retry policy leaves behind (the outbox's own dead-lettering is MailDeliveryTest's).
     */
    static String deadTestMail(Api.Tenant tenant) throws SQLException {
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

    static void awaitStatus(String id, String status) throws SQLException {
        await(String.format("mail %s %s", id, status), () -> status.equals(statusOf(id)));
    }

    /** Waits until the outbox has tried to send the mail {@code attempts} times (failed tries: it stays queued). */
    static void awaitAttempts(String id, int attempts) throws SQLException {
        await(String.format("mail %s tried %d times", id, attempts), () -> attemptsOf(id) >= attempts);
        assertThat(statusOf(id)).as("mail %s after failed tries", id).isEqualTo("QUEUED");
    }

    /** What the outbox's rows say now. */
    private interface RowCondition {
        boolean holds() throws SQLException;
    }

    private static void await(String what, RowCondition condition) throws SQLException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.holds()) {
            assertThat(Instant.now()).as(what + " by now").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static int attemptsOf(String id) throws SQLException {
        String attempts = column("attempts", id);
        return attempts == null ? 0 : Integer.parseInt(attempts);
    }

    static String statusOf(String id) throws SQLException {
        return column("status", id);
    }

    /** The mail's value of that column, as text; null without the mail. */
    private static String column(String name, String id) throws SQLException {
        try (Connection db = SuiteDatabase.connect();
                PreparedStatement select = db.prepareStatement("SELECT " + name + " FROM mail_outbox WHERE id = ?")) {
            select.setObject(1, UUID.fromString(id));
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
