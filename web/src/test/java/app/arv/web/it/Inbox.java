package app.arv.web.it;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The mails the test harness's SMTP server received from ARV, by recipient. */
final class Inbox {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private Inbox() {
    }

    /** The first mail to {@code recipient}, waited for. */
    static MimeMessage mailTo(String recipient) {
        return ArvServer.stack().mail().awaitReceived(1, m -> isTo(m, recipient), TIMEOUT).get(0);
    }

    /** The first {@code count} mails to {@code recipient}, in the order received, waited for. */
    static List<MimeMessage> mailsTo(String recipient, int count) {
        return ArvServer.stack().mail().awaitReceived(count, m -> isTo(m, recipient), TIMEOUT);
    }

    /** The mails to {@code recipient} received so far. */
    static List<MimeMessage> receivedBy(String recipient) {
        return ArvServer.stack().mail().received().stream().filter(m -> isTo(m, recipient)).toList();
    }

    /** The plain-text part (ARV's mails are text first, then HTML). */
    static String textOf(MimeMessage mail) {
        try {
            return (String) ((Multipart) mail.getContent()).getBodyPart(0).getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage mail, String recipient) {
        try {
            Address[] to = mail.getAllRecipients();
            return to != null && Arrays.stream(to).anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
