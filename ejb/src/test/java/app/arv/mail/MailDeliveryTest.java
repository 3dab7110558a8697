package app.arv.mail;

import app.arv.ServiceBeans;
import app.arv.launcher.FreePorts;
import app.arv.persistence.Database;
import app.arv.persistence.TestData;
import app.arv.persistence.mail.ClaimedMail;
import app.arv.persistence.mail.MailStatus;
import app.arv.persistence.mail.OutboxMail;
import app.arv.persistence.organization.Organization;
import app.arv.platform.ServerNode;
import app.arv.shared.Backoff;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox end to end on real PostgreSQL and a real SMTP server (GreenMail): queue in a transaction, claim,
 * send outside it, settle. The rounds here do what {@link MailWorker#deliverDue()} does, each step in its own
 * transaction as the container runs them.
 */
class MailDeliveryTest {

    private static final String FROM = "ARV Test <mail@arv.test>";
    /**
     * Longer than any test runs, so a retry is never due by itself however slow the machine: a test that wants it due
     * says so ({@link #retryFallsDue}) instead of sleeping past a short back-off, which a loaded machine could outrun.
     */
    private static final Backoff SLOW = new Backoff(Duration.ofHours(1), Duration.ofHours(2));

    private final int port = FreePorts.pick();
    private GreenMail smtp;
    private Organization acme;

    @BeforeEach
    void aRunningSmtpServerAndAnEmptyOutbox() {
        smtp = smtpServer(port);
        smtp.start();
        acme = TestData.organization("Acme");
        Database.inTransaction(em -> em.createNativeQuery("DELETE FROM mail_outbox").executeUpdate());
    }

    @AfterEach
    void stopTheServer() {
        smtp.stop();
    }

    @Test
    void aQueuedMailArrivesWithBothPartsInTheRecipientsLanguageFromTheConfiguredSender() throws Exception {
        UUID id = queue("boss@acme.example", Locale.forLanguageTag("ru"), 3);

        Map<OutboxDelivery.Outcome, Integer> round = deliverDue(3);

        assertThat(round).containsEntry(OutboxDelivery.Outcome.SENT, 1);
        MimeMessage received = onlyReceived();
        assertThat(received.getFrom()).containsExactly(new InternetAddress(FROM));
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("boss@acme.example");
        assertThat(received.getSubject()).isEqualTo("Тестовое письмо ARV");
        assertThat(received.getHeader("Content-Language")).containsExactly("ru");
        assertThat(received.getMessageID()).isEqualTo("<" + id + "@arv.test>");
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getContentType()).startsWith("multipart/alternative");
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Здравствуйте");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat((String) parts.getBodyPart(1).getContent()).contains("<html lang=\"ru\">");
        assertThat(stored(id).getStatus()).isEqualTo(MailStatus.SENT);
        assertThat(stored(id).getSentAt()).isNotNull();
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackIsNeverSent() {
        assertThatThrownBy(() -> Database.inTransaction(em -> {
            new ServiceBeans(em).with(MailSettings.class, settings(3)).get(Mails.class).queue(request("boss@acme.example",
                    Locale.ENGLISH));
            throw new IllegalStateException("the event failed after queueing its mail");
        })).hasMessageContaining("the event failed");

        Map<OutboxDelivery.Outcome, Integer> round = deliverDue(3);

        assertThat(round).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMailQueuedWhileTheServerIsDownIsDeliveredOnceItIsBack() throws Exception {
        smtp.stop();
        UUID id = queue("boss@acme.example", Locale.ENGLISH, 3);

        Map<OutboxDelivery.Outcome, Integer> whileDown = deliverDue(3);
        smtp = smtpServer(port);
        smtp.start();
        Map<OutboxDelivery.Outcome, Integer> tooEarly = deliverDue(3);
        retryFallsDue(id);
        Map<OutboxDelivery.Outcome, Integer> afterBackoff = deliverDue(3);

        assertThat(whileDown).containsExactly(Map.entry(OutboxDelivery.Outcome.RETRYING, 1));
        assertThat(tooEarly).isEmpty();
        assertThat(afterBackoff).containsExactly(Map.entry(OutboxDelivery.Outcome.SENT, 1));
        assertThat(onlyReceived().getSubject()).isEqualTo("ARV test mail");
        assertThat(stored(id).getAttempts()).isEqualTo(2);
    }

    @Test
    void aMailIsDeadAfterItsLastAttemptWithItsLastError() {
        smtp.stop();
        UUID id = queue("boss@acme.example", Locale.ENGLISH, 2);

        deliverDue(2);
        retryFallsDue(id);
        Map<OutboxDelivery.Outcome, Integer> last = deliverDue(2);

        assertThat(last).containsExactly(Map.entry(OutboxDelivery.Outcome.DEAD, 1));
        OutboxMail dead = stored(id);
        assertThat(dead.getStatus()).isEqualTo(MailStatus.DEAD);
        assertThat(dead.getAttempts()).isEqualTo(2);
        assertThat(dead.getLastError()).contains("MailConnectException");
        retryFallsDue(id);
        assertThat(deliverDue(2)).isEmpty();
    }

    @Test
    void aMailIsSentOnceHoweverManyRoundsFollow() throws Exception {
        queue("boss@acme.example", Locale.ENGLISH, 3);

        deliverDue(3);
        deliverDue(3);

        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aRecipientThatIsNoAddressIsQueuedDeadWithTheReasonAndNeverSent() {
        UUID id = queue("boss at acme", Locale.ENGLISH, 3);

        Map<OutboxDelivery.Outcome, Integer> round = deliverDue(3);

        assertThat(round).isEmpty();
        assertThat(smtp.getReceivedMessages()).isEmpty();
        OutboxMail mail = stored(id);
        assertThat(mail.getStatus()).isEqualTo(MailStatus.DEAD);
        assertThat(mail.getAttempts()).isZero();
        assertThat(mail.getLastError()).isEqualTo(Mails.NOT_AN_ADDRESS);
    }

    @Test
    void anAddressThatBeanValidationTakesButNoMailServerWouldIsQueuedDead() {
        UUID id = queue("ops@corp_x.com", Locale.ENGLISH, 3);

        assertThat(stored(id).getStatus()).isEqualTo(MailStatus.DEAD);
    }

    private UUID queue(String recipient, Locale locale, int maxAttempts) {
        return inTransaction(maxAttempts, beans -> beans.get(Mails.class).queue(request(recipient, locale)));
    }

    private MailRequest request(String recipient, Locale locale) {
        return new MailRequest(acme.getId(), MailKind.TEST_MAIL, recipient, locale, Map.of("recipient", recipient,
                "organization", "Acme", "consoleUrl", "http://127.0.0.1:8080/console/"));
    }

    /** One worker round: claim, send outside any transaction, settle — until nothing is due. */
    private Map<OutboxDelivery.Outcome, Integer> deliverDue(int maxAttempts) {
        Map<OutboxDelivery.Outcome, Integer> outcomes = new EnumMap<>(OutboxDelivery.Outcome.class);
        SmtpSender sender = SmtpSender.with(settings(maxAttempts));
        List<ClaimedMail> claimed = inTransaction(maxAttempts, beans -> beans.get(OutboxDelivery.class).claim(10));
        while (!claimed.isEmpty()) {
            for (ClaimedMail mail : claimed) {
                OutboxDelivery.Outcome outcome;
                try {
                    sender.send(mail);
                    outcome = inTransaction(maxAttempts, beans -> beans.get(OutboxDelivery.class).sent(mail));
                } catch (MailFailure failure) {
                    outcome = inTransaction(maxAttempts, beans -> beans.get(OutboxDelivery.class).failed(mail, failure));
                }
                outcomes.merge(outcome, 1, Integer::sum);
            }
            claimed = inTransaction(maxAttempts, beans -> beans.get(OutboxDelivery.class).claim(10));
        }
        return outcomes;
    }

    private <T> T inTransaction(int maxAttempts, Function<ServiceBeans, T> work) {
        List<T> result = new ArrayList<>();
        Database.inTransaction(em -> result.add(work.apply(new ServiceBeans(em).with(MailSettings.class,
                settings(maxAttempts)).with(ServerNode.class, ServerNode.named("test-node")))));
        return result.get(0);
    }

    private MailSettings settings(int maxAttempts) {
        return MailSettings.of("127.0.0.1", port, SmtpSecurity.NONE, FROM, maxAttempts, SLOW, Duration.ofMinutes(5));
    }

    /** The mail's back-off has passed: its next attempt is due now, as it would be once the wait is over. */
    private static void retryFallsDue(UUID id) {
        Database.inTransaction(em -> em.createNativeQuery("UPDATE mail_outbox SET next_attempt_at = now() WHERE id = ?1")
                .setParameter(1, id).executeUpdate());
    }

    private MimeMessage onlyReceived() {
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static OutboxMail stored(UUID id) {
        return Database.result(em -> em.find(OutboxMail.class, id));
    }

    private static GreenMail smtpServer(int port) {
        return new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }
}
