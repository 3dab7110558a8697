package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.persistence.mail.OutboxMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import java.time.Instant;
import java.util.UUID;

/**
 * The one way ARV sends e-mail: {@link #queue} renders the mail and writes it to the outbox <em>in the caller's
 * transaction</em> (mandatory), so the mail exists if and only if the event that caused it was committed. Nothing
 * is sent here: the {@link MailWorker} of some node sends it after the commit, so an SMTP outage never fails the
 * request that queued a mail — the mail waits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Mails {

    @Inject
    MailOutboxRepository outbox;

    @Inject
    MailTemplates templates;

    /**
     * @return the mail's id (also its Message-ID's local part)
     * @throws IllegalArgumentException when the recipient is not one e-mail address
     */
    public UUID queue(MailRequest request) {
        String recipient = checkedAddress(request.recipient());
        RenderedMail mail = templates.render(request.kind(), request.locale(), request.values());
        OutboxMail row = new OutboxMail(request.organizationId(), request.kind().template(), recipient, mail.locale(),
                mail.subject(), mail.text(), mail.html(), Instant.now());
        outbox.add(row);
        return row.getId();
    }

    private static String checkedAddress(String recipient) {
        try {
            InternetAddress address = new InternetAddress(recipient.strip(), true);
            address.validate();
            return address.getAddress();
        } catch (AddressException e) {
            throw new IllegalArgumentException("not an e-mail address: " + recipient, e);
        }
    }
}
