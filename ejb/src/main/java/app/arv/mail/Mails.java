package app.arv.mail;

import app.arv.persistence.mail.MailOutboxRepository;
import app.arv.persistence.mail.OutboxMail;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The one way ARV sends e-mail: {@link #queue} renders the mail and writes it to the outbox <em>in the caller's
 * transaction</em> (mandatory), so the mail exists if and only if the event that caused it was committed. Nothing
 * is sent here: the {@link MailWorker} of some node sends it after the commit, so an SMTP outage never fails the
 * request that queued a mail — the mail waits.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Mails {

    static final String NOT_AN_ADDRESS = "the recipient is not an e-mail address ARV can send mail to";
    private static final Logger LOG = Logger.getLogger(Mails.class.getName());

    @Inject
    MailOutboxRepository outbox;

    @Inject
    MailTemplates templates;

    /**
     * A recipient that is no address ARV can send to (taken before addresses were checked as the outbox checks them)
     * does not fail the caller: for a notification that would roll back the work that caused it — an expiry round,
     * every organization's. The mail is written dead at once with the reason, where an operator finds it.
     *
     * @return the mail's id (also its Message-ID's local part)
     */
    public UUID queue(MailRequest request) {
        Optional<String> recipient = MailAddress.of(request.recipient());
        RenderedMail mail = templates.render(request.kind(), request.locale(), request.values());
        OutboxMail row = new OutboxMail(request.organizationId(), request.kind().template(),
                recipient.orElseGet(() -> clipped(request.recipient())), mail.locale(), mail.subject(), mail.text(), mail.html(),
                Instant.now());
        if (recipient.isEmpty()) {
            row.refuse(NOT_AN_ADDRESS);
            LOG.warning(() -> "Mail " + row.getId() + " (" + request.kind().template() + ") is dead at once: " + NOT_AN_ADDRESS
                    + " (organization " + request.organizationId() + ")");
        }
        outbox.add(row);
        return row.getId();
    }

    private static String clipped(String recipient) {
        String text = recipient == null ? "" : recipient.strip();
        return text.length() <= OutboxMail.RECIPIENT_LENGTH ? text : text.substring(0, OutboxMail.RECIPIENT_LENGTH);
    }
}
