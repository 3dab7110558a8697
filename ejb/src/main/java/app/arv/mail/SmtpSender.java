package app.arv.mail;

import app.arv.persistence.mail.ClaimedMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;

/**
 * Sends one outbox mail over SMTP with Jakarta Mail (the server's implementation): multipart/alternative with
 * the plain text first and the HTML second, and a Message-ID made from the outbox id, so the copy a receiver
 * gets again after a node died between the server's "250 OK" and the outbox's "sent" is recognisably the same
 * mail.
 */
@ApplicationScoped
public class SmtpSender {

    @Inject
    MailSettings settings;

    private volatile Session session;

    public SmtpSender() {
    }

    /** A sender for these settings outside the container (tests). */
    public static SmtpSender with(MailSettings settings) {
        SmtpSender sender = new SmtpSender();
        sender.settings = settings;
        return sender;
    }

    /** @throws MailFailure when the server did not take the mail */
    public void send(ClaimedMail mail) throws MailFailure {
        try {
            MimeMessage message = message(mail);
            if (settings.user().isPresent()) {
                Transport.send(message, settings.user().get(), settings.password());
            } else {
                Transport.send(message);
            }
        } catch (AddressException e) {
            throw new MailFailure("malformed address: " + e.getMessage(), true, e);
        } catch (SendFailedException e) {
            boolean refused = (e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0)
                    && e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0;
            throw new MailFailure(describe(e), refused, e);
        } catch (MessagingException e) {
            throw new MailFailure(describe(e), false, e);
        }
    }

    /** {@code <outbox id@sender's domain>}: stable across every attempt of one mail. */
    static String messageId(UUID id, InternetAddress from) {
        String address = from.getAddress();
        return "<" + id + "@" + address.substring(address.indexOf('@') + 1) + ">";
    }

    private MimeMessage message(ClaimedMail mail) throws MessagingException {
        InternetAddress from = settings.from();
        MimeMessage message = new OutboxMessage(session(), messageId(mail.id(), from));
        message.setFrom(from);
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.recipient(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader("Content-Language", mail.locale());
        // Tells auto-responders and mailing lists that no person sent this (RFC 3834): no vacation replies.
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.textBody(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private Session session() {
        Session current = session;
        if (current == null) {
            current = Session.getInstance(settings.sessionProperties());
            session = current;
        }
        return current;
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        Exception next = e.getNextException();
        if (next != null && next.getMessage() != null) {
            text.append(" (").append(next.getMessage().strip()).append(')');
        }
        return text.toString();
    }

    /** Jakarta Mail would otherwise make a new random Message-ID on every {@code saveChanges()}. */
    private static final class OutboxMessage extends MimeMessage {

        private final String messageId;

        OutboxMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
